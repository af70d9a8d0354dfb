"""The parts of `make bench`'s long-tail scenario (bench/longtail.py) that can be checked
without running it: the ranked page list and its Zipf popularity, the draw wrk makes from it,
reading the site's page-cache counters, and the report. The benchmark itself is no test.
"""

import sys
from collections import Counter
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

import longtail  # noqa: E402

pytestmark = pytest.mark.once


def archive() -> "longtail.Pages":
    return longtail.Pages(
        front=["/", "/feeds/reviews/rss/", "/reviews/"],
        recent=["/reviews/2026/12/04/newest/", "/reviews/2026/12/03/older/"],
        rest={
            "reviews": [f"/reviews/2020/01/{day:02}/old-{day}/" for day in range(1, 29)],
            "list pages": ["/reviews/?page=2", "/stories/?page=2", "/reviews/2020/"],
            "subject pages": ["/outlets/daily/", "/tags/rates/", "/experts/ana-reis/", "/"],
        },
    )


def test_the_front_pages_and_the_newest_reviews_are_the_most_popular():
    order = longtail.ranked(archive())

    assert order[:5] == [
        "/",
        "/feeds/reviews/rss/",
        "/reviews/",
        "/reviews/2026/12/04/newest/",
        "/reviews/2026/12/03/older/",
    ]


def test_every_page_is_listed_once_and_the_tail_is_shuffled_the_same_way_each_run():
    pages = archive()
    order = longtail.ranked(pages)

    every = {*pages.front, *pages.recent, *(p for paths in pages.rest.values() for p in paths)}
    assert sorted(order) == sorted(every)  # the home page, listed twice, comes once
    assert longtail.ranked(pages) == order
    assert longtail.ranked(pages, seed=7)[5:] != order[5:]
    # Old reviews are not at the end: the tail is mixed, not sorted by age.
    assert order[5:] != sorted(order[5:])


def test_popularity_falls_with_rank_as_zipf_says():
    weights = longtail.zipf_weights(1000, 1.0)

    assert sum(weights) == pytest.approx(1.0)
    assert weights[0] / weights[1] == pytest.approx(2.0)
    assert weights[0] / weights[9] == pytest.approx(10.0)
    steeper = longtail.zipf_weights(1000, 2.0)
    assert steeper[0] / steeper[1] == pytest.approx(4.0)
    assert longtail.top_shares(1000, 1.0)["10"] == pytest.approx(sum(weights[:10]), abs=1e-3)


def test_an_empty_archive_has_no_distribution():
    with pytest.raises(ValueError, match="at least one page"):
        longtail.zipf_weights(0, 1.0)


def test_the_paths_file_gives_each_page_its_share_of_requests():
    paths = [f"/page/{rank}/" for rank in range(1, 51)]
    text = longtail.paths_file_text(paths, 1.0)

    lines = [line.split("\t") for line in text.splitlines()]
    assert [path for _bound, path in lines] == paths
    bounds = [float(bound) for bound, _path in lines]
    assert bounds == sorted(bounds)
    assert bounds[-1] == 1.0
    # wrk's draw (longtail.lua does the same search), at evenly spaced chances.
    draws = 100_000
    counts = Counter(longtail.draw(bounds, paths, n / draws) for n in range(draws))
    weights = longtail.zipf_weights(50, 1.0)
    for path, weight in zip(paths, weights, strict=True):
        assert counts[path] == pytest.approx(weight * draws, abs=2)


METRICS = """\
# HELP pressreview_page_cache_answers_total Public pages answered, by what the page cache did.
# TYPE pressreview_page_cache_answers_total counter
pressreview_page_cache_answers_total{status="hit"} 1530.0
pressreview_page_cache_answers_total{status="miss"} 470.0
pressreview_page_cache_answers_created{status="hit"} 1.7e+09
# HELP django_http_requests_before_middlewares_total Total count of requests.
# TYPE django_http_requests_before_middlewares_total counter
django_http_requests_before_middlewares_total 2100.0
"""


def test_the_hit_ratio_comes_from_the_sites_own_page_cache_counters():
    answers = longtail.page_cache_answers(METRICS)

    assert answers == {"hit": 1530, "miss": 470, "requests": 2100}
    assert longtail.hit_ratio(answers["hit"], answers["miss"]) == 0.765
    assert longtail.hit_ratio(0, 0) is None


def results(**size_figures) -> dict:
    figures = {
        "requests": 9_000,
        "requests_per_second": 150.2,
        "p50_ms": 12.3,
        "p95_ms": 48.0,
        "p99_ms": 130.4,
        "errors": 0,
        "paths": {"count": 101_234},
        "page_cache": {"hit": 6_000, "miss": 3_000, "hit_ratio": 0.6667},
        "writes": {"publish": 1, "story edit": 1},
        "pages_checked": 22,
        "stale": [],
        "editor_failures": [],
        "load_average": {"before": 1.2, "after": 2.5},
    } | size_figures
    data = {
        "machine": {"cpu": "AMD EPYC", "cores": 2},
        "commit": "abc1234",
        "finished": "2026-12-04T17:30:00",
        "settings": {
            "workers": 4,
            "threads": 2,
            "connections": 8,
            "duration": 60,
            "warmup": 15,
            "every": 30,
            "exponent": 1.0,
        },
        "sizes": {"100000": figures},
    }
    data["verdicts"] = longtail.verdicts(data)
    return data


def test_the_report_names_the_run_and_gives_each_figure():
    report = longtail.markdown(results())

    assert report.startswith(longtail.MARK_START)
    assert report.endswith(longtail.MARK_END)
    assert "Run of 2026-12-04T17:30:00, commit abc1234" in report
    assert "| 100,000 | 101,234 | 150 | 12.3 | 48.0 | 130.4 | 0 | 66.7% (6,000 of 9,000) " in report
    assert "| 1 publish, 1 story edit | 0 of 22 | 1.2 → 2.5 |" in report
    assert "| 100,000: long-tail p95 ≤ 50 ms | 48.0 ms | ✅ |" in report


def test_the_report_shows_a_missed_target_and_names_the_stale_pages():
    stale = ["/reviews/2020/01/02/old-2/ after the story edit of it: not the page as it is now"]
    report = longtail.markdown(results(p95_ms=61.5, errors=3, stale=stale))

    assert "| 100,000: long-tail p95 ≤ 50 ms | 61.5 ms | ❌ |" in report
    assert "| 100,000: zero errors | 3 | ❌ |" in report
    assert "| 100,000: zero stale pages | 1 of 22 checked | ❌ |" in report
    assert f"- 100,000: {stale[0]}" in report
