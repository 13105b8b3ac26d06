"""Time expressions resolve against the article date, with their precision."""
import pytest

from kg.timex import resolve

WED = "2021-10-06"  # a Wednesday


@pytest.mark.parametrize("text,future,expected", [
    ("on Tuesday", False, ("2021-10-05", "day")),
    ("Wednesday", False, ("2021-10-06", "day")),
    ("Thursday", False, ("2021-09-30", "day")),
    ("on Friday", True, ("2021-10-08", "day")),
    ("last month", False, ("2021-09", "month")),
    ("next month", False, ("2021-11", "month")),
    ("in August", False, ("2021-08", "month")),
    ("in November", False, ("2020-11", "month")),
    ("in November", True, ("2021-11", "month")),
    ("next year", False, ("2022", "year")),
    ("last year", False, ("2020", "year")),
    ("yesterday", False, ("2021-10-05", "day")),
    ("two days ago", False, ("2021-10-04", "day")),
    ("three months ago", False, ("2021-07", "month")),
    ("last week", False, ("2021-09-27", "week")),
    ("August 15", False, ("2021-08-15", "day")),
    ("March 3, 2019", False, ("2019-03-03", "day")),
    ("3 March 2019", False, ("2019-03-03", "day")),
    ("May 2018", False, ("2018-05", "month")),
    ("in 2015", False, ("2015", "year")),
    ("the 1950s", False, None),
    ("recent weeks", False, None),
])
def test_timex_resolves_relative_to_article_date(text, future, expected):
    assert resolve(text, WED, future) == expected


def test_timex_without_article_date_resolves_only_absolute_dates():
    assert resolve("on Tuesday", None) is None
    assert resolve("March 3, 2019", None) == ("2019-03-03", "day")
