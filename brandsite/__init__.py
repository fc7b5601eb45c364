"""The regional public brand registry and its site generator.

- `brand_registry`: the pure core: parse and validate editors' files into dataclasses.
- `thumbnails`, `incremental`, `pagination`, `atomic_write`: libraries the build uses.
- `brand_pages`, `site_i18n`, `registry_data`, `story_reader`: what the Pelican
  plugins in `plugins/` wire into Pelican.
- `build`, `preview`, `editor`, `qa`: the commands behind `make` (build, devserver,
  check and scaffold, link/HTML/Lighthouse checks).
"""
