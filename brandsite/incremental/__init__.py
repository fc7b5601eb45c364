"""Rebuild only what changed.

- `inputs`: every file a build reads, stamped (size, mtime, ctime, inode) as
  make and git trust them; the whole build's fingerprint, and digests of parts.
- `pages`: the previous build's page manifest; a page whose inputs have the
  same digest as last time is hard-linked from the previous output instead of
  being rendered again.
- `unchanged`: after a build, any file whose bytes equal the previous output's
  becomes a hard link to it, so rsync and web hosts see only real changes.

Nothing here imports Pelican; `site_i18n`'s writer and `brandsite.build.driver` wire it in.
"""
