"""The review change form as a browser posts it, for tests that drive the admin."""

from reviews.models import Review


def review_form_data(review: Review, **changes) -> dict:
    stories = list(review.stories.order_by("position"))
    data = {
        "title": review.title,
        "slug": review.slug,
        "section": review.section_id,
        "dateline_city": review.dateline_city,
        "review_date": review.review_date.isoformat(),
        "lede": review.lede,
        "disclaimer": review.disclaimer,
        "publish_at_0": review.publish_at.date().isoformat() if review.publish_at else "",
        "publish_at_1": review.publish_at.strftime("%H:%M:%S") if review.publish_at else "",
        "version": review.version,
        "stories-TOTAL_FORMS": len(stories),
        "stories-INITIAL_FORMS": len(stories),
        "stories-MIN_NUM_FORMS": 0,
        "stories-MAX_NUM_FORMS": 1000,
    }
    for index, story in enumerate(stories):
        data |= {
            f"stories-{index}-id": story.pk,
            f"stories-{index}-review": review.pk,
            f"stories-{index}-position": story.position,
            f"stories-{index}-outlet": story.outlet_id,
            f"stories-{index}-headline": story.headline,
            f"stories-{index}-body": story.body,
            f"stories-{index}-link": story.link,
            f"stories-{index}-tags": ", ".join(tag.name for tag in story.tags.all()),
        }
    return data | changes
