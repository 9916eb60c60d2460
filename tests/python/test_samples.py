"""The bundled sample notices parse into records."""

from __future__ import annotations

import govnotice


def test_every_sample_notice_has_a_title_and_body(sample_notices: dict[str, str]) -> None:
    assert len(sample_notices) >= 5
    for name, text in sample_notices.items():
        notice = govnotice.parse(text)
        assert notice.title, name
        start, end = notice.body_span
        assert 0 <= start < end <= len(text), name
