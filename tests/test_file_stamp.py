import os

from brandsite.file_stamp import RACY_NS, is_racy, stat_stamp


def test_a_write_changes_the_stamp_and_a_missing_file_has_none(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("one")
    first = stat_stamp(path)
    path.write_text("two")  # same size
    assert stat_stamp(path) != first  # ctime moves with any write
    assert stat_stamp(tmp_path / "missing") is None


def test_a_link_has_its_own_stamp_or_its_targets(tmp_path):
    target = tmp_path / "a.md"
    target.write_text("one")
    link = tmp_path / "b.md"
    os.symlink(target, link)
    assert stat_stamp(link) == stat_stamp(target)
    assert stat_stamp(link, follow_links=False) != stat_stamp(target)


def test_a_file_is_racy_until_its_last_change_is_older_than_the_tick(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("one")
    stamp = stat_stamp(path)
    newest = max(stamp[1], stamp[2])
    assert is_racy(stamp, now_ns=newest)
    assert is_racy(stamp, now_ns=newest + RACY_NS)
    assert not is_racy(stamp, now_ns=newest + RACY_NS + 1)
