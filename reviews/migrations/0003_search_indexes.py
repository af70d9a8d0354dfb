"""Full-text search indexes for reviews (title, lede) and stories (headline, body).

PostgreSQL only: `PostgresOnlyGinIndex` emits a comment instead of the index elsewhere.
The expressions must stay equal to reviews.fulltext's, which the search queries use.
On a large table, create the index by hand beforehand with CREATE INDEX CONCURRENTLY
(same name and expression, see `sqlmigrate reviews 0003`): this migration then fails on
the existing name, so fake it with `migrate reviews 0003 --fake`.
"""

import django.contrib.postgres.search
from django.db import migrations

import reviews.fulltext


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0002_editorial_groups"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="review",
            index=reviews.fulltext.PostgresOnlyGinIndex(
                django.contrib.postgres.search.CombinedSearchVector(
                    django.contrib.postgres.search.SearchVector(
                        "title", config="english", weight="A"
                    ),
                    "||",
                    django.contrib.postgres.search.SearchVector(
                        "lede", config="english", weight="B"
                    ),
                    django.contrib.postgres.search.SearchConfig("english"),
                ),
                name="review_search_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="story",
            index=reviews.fulltext.PostgresOnlyGinIndex(
                django.contrib.postgres.search.CombinedSearchVector(
                    django.contrib.postgres.search.SearchVector(
                        "headline", config="english", weight="A"
                    ),
                    "||",
                    django.contrib.postgres.search.SearchVector(
                        "body", config="english", weight="B"
                    ),
                    django.contrib.postgres.search.SearchConfig("english"),
                ),
                name="story_search_idx",
            ),
        ),
    ]
