import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Max
from django.utils import timezone

from reviews.models import Citation, Expert, Outlet, Review, Section, Story


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("correct horse battery staple")
    is_staff = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.set(Group.objects.filter(name__in=extracted))


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.Sequence(lambda n: f"section-{n}")


class OutletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outlet

    name = factory.Sequence(lambda n: f"The Daily Courier {n}")
    slug = factory.Sequence(lambda n: f"daily-courier-{n}")
    country = "Portugal"
    language = "Portuguese"


class ExpertFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Expert

    name = factory.Sequence(lambda n: f"Marta Quelhas {n}")
    slug = factory.Sequence(lambda n: f"marta-quelhas-{n}")
    position = "senior economist"
    organisation = "Atlantic Policy Institute"


class ReviewFactory(factory.django.DjangoModelFactory):
    """A published review, public since an hour ago, unless told otherwise."""

    class Meta:
        model = Review

    title = factory.Sequence(lambda n: f"Press review: Harbour cranes fall silent, day {n}")
    slug = factory.Sequence(lambda n: f"harbour-cranes-fall-silent-{n}")
    section = factory.SubFactory(SectionFactory)
    dateline_city = "Lisbon"
    review_date = factory.LazyFunction(lambda: timezone.localdate())
    lede = "The papers lead with the harbour strike and the rail tender."
    status = Review.Status.PUBLISHED
    publish_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))

    class Params:
        draft = factory.Trait(status=Review.Status.DRAFT, publish_at=None)
        in_review = factory.Trait(status=Review.Status.IN_REVIEW, publish_at=None)
        withdrawn = factory.Trait(status=Review.Status.WITHDRAWN)
        scheduled = factory.Trait(
            publish_at=factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=1))
        )


class StoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Story
        skip_postgeneration_save = True

    review = factory.SubFactory(ReviewFactory)
    outlet = factory.SubFactory(OutletFactory)
    # The next free place in its review: a global sequence could hand out a place a test
    # gave another story of the same review explicitly (position is unique per review).
    position = factory.LazyAttribute(
        lambda story: (story.review.stories.aggregate(last=Max("position"))["last"] or 0) + 1
    )
    headline = factory.Sequence(lambda n: f"Dockers extend their walkout, report {n}")
    body = "The paper writes that the walkout spread north.\n\nUnions expect talks next week."

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.set(extracted)


class CitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Citation

    story = factory.SubFactory(StoryFactory)
    expert = factory.SubFactory(ExpertFactory)
    position = "senior economist"
    organisation = "Atlantic Policy Institute"
    quote = "The strike will cost more than it saves."
