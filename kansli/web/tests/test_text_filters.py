import datetime

from kansli.web.templatetags.kansli_web import duration, heading_level, section_text


def test_section_text_makes_paragraphs_and_lists() -> None:
    text = (
        "Första raden\nfortsätter här.\n\nExempel är:\n\n- Länsstyrelsen\n\n- Näringsliv\n\nSlut."
    )

    assert section_text(text) == (
        "<p>Första raden fortsätter här.</p>\n"
        "<p>Exempel är:</p>\n"
        "<ul><li>Länsstyrelsen</li><li>Näringsliv</li></ul>\n"
        "<p>Slut.</p>"
    )


def test_section_text_escapes_markup() -> None:
    assert section_text("<script>x</script>") == "<p>&lt;script&gt;x&lt;/script&gt;</p>"


def test_headings_start_under_the_page_title_and_stop_at_h6() -> None:
    assert [heading_level(level) for level in (1, 2, 3, 5, 6)] == [2, 3, 4, 6, 6]


def test_a_cool_off_time_reads_in_swedish() -> None:
    assert duration(datetime.timedelta(hours=1)) == "1 timme"
    assert duration(datetime.timedelta(hours=2)) == "2 timmar"
    assert duration(datetime.timedelta(minutes=30)) == "30 minuter"
