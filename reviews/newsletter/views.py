"""The newsletter's pages. The sign-up form sits on public pages that every reader shares
(cached, cookie-free), so it carries no per-reader CSRF token: its endpoint is exempt from
Django's CSRF check and protected instead by the browser's own fetch metadata (Origin,
Sec-Fetch-Site), a signed form token and rate limits. The links in email carry a signed
token, which is what authorises them. docs/SECURITY.md, "Newsletter sign-up"."""

from django.conf import settings
from django.core import signing
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import TemplateView
from django_ratelimit.core import get_usage

from reviews.models import Section
from reviews.newsletter import subscriptions, tokens
from reviews.newsletter.forms import SignUpForm
from reviews.newsletter.models import Frequency, SubscriptionKind
from reviews.pagecache.marks import private_page, public_page
from reviews.translations import current_language, translated

Kind = SubscriptionKind


def is_cross_site(request) -> bool:
    """Whether a browser says this POST comes from another site's page. Browsers send
    Sec-Fetch-Site (and Origin) with every form post; a client sending neither is not a
    browser, which no CSRF defence is about."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site != "same-origin"
    origin = request.headers.get("Origin")
    if origin is not None:
        return origin != f"{request.scheme}://{request.get_host()}"
    return False


def over_limit(request, group: str, key, rate: str) -> int | None:
    """Count this request in `group`; None if within `rate`, else the seconds to wait."""
    usage = get_usage(request, group=group, key=key, rate=rate, increment=True)
    if usage is None or not usage["should_limit"]:
        return None
    return max(1, usage["time_left"])


def subject_label(subject: str) -> str:
    """What a form's subject is, for its heading."""
    if subject in ("site", Kind.ALL):
        return _("every review")
    kind, _sep, pk = subject.partition(":")
    try:
        return translated(subscriptions.published_subject(kind, pk))
    except LookupError:
        return ""


def form_context(subject: str, form=None, **more) -> dict:
    return {
        "form": form,
        "form_token": tokens.form_token(subject),
        "subject": subject,
        "subject_label": subject_label(subject),
        "sections": Section.objects.published() if subject == "site" else [],
        **more,
    }


@public_page
class NewsletterView(TemplateView):
    """/newsletter/: every review, or one section's, at once or as a daily digest."""

    template_name = "newsletter/newsletter.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**form_context("site"), **kwargs)


def answer(request, status: int, **context):
    return render(request, "newsletter/signup.html", context, status=status)


@private_page
@method_decorator([csrf_exempt, never_cache], name="dispatch")
class SubscribeView(View):
    """POST /newsletter/subscribe/: the sign-up forms of the public pages post here."""

    http_method_names = ["post"]

    def post(self, request):
        if is_cross_site(request):
            return answer(request, 403, refused=_("This form works only from this site's pages."))
        wait = over_limit(
            request, "newsletter-client", "ip", settings.PRESSREVIEW_NEWSLETTER_CLIENT_RATE
        )
        if wait:
            return self.throttled(wait)
        form = SignUpForm(request.POST)
        try:
            subject = tokens.form_subject(request.POST.get("form", ""))
        except tokens.FormExpired as expired:
            return answer(
                request,
                400,
                **form_context(str(expired), form),
                problem=_("This page was open for a long time. Please send the form again."),
            )
        except signing.BadSignature:
            return answer(request, 400, refused=_("This form is damaged. Reload the page."))
        if not form.is_valid():
            return answer(request, 400, **form_context(subject, form))
        if form.cleaned_data["website"]:
            return answer(request, 200, done=True)  # a robot: tell it nothing
        address = form.cleaned_data["email"]
        wait = over_limit(
            request,
            "newsletter-address",
            lambda group, request: address,
            settings.PRESSREVIEW_NEWSLETTER_ADDRESS_RATE,
        )
        if wait:
            return self.throttled(wait)
        try:
            kind, target = self.chosen(subject, form.cleaned_data["follow"])
        except LookupError:
            return answer(
                request, 400, refused=_("This can no longer be followed. Choose another.")
            )
        subscriptions.request_subscription(
            address=address,
            kind=kind,
            target=target,
            frequency=form.cleaned_data["frequency"],
            language=current_language(),  # the address's: /ru/newsletter/subscribe/
        )
        return answer(request, 200, done=True, address=address)

    @staticmethod
    def chosen(subject: str, follow: str):
        """The kind and subject a form subscribes to: its page's, or (on the newsletter's
        page) every review or the section chosen."""
        if subject == "site":
            if not follow or follow == Kind.ALL:
                return Kind.ALL, None
            return Kind.SECTION, subscriptions.published_subject(Kind.SECTION, follow)
        if subject == Kind.ALL:
            return Kind.ALL, None
        kind, _sep, pk = subject.partition(":")
        return kind, subscriptions.published_subject(kind, pk)

    def throttled(self, wait: int):
        minutes = max(1, round(wait / 60))
        response = answer(
            self.request,
            429,
            refused=ngettext(
                "Too many sign-ups came from here or for this address. Please try again in "
                "%(minutes)d minute.",
                "Too many sign-ups came from here or for this address. Please try again in "
                "%(minutes)d minutes.",
                minutes,
            )
            % {"minutes": minutes},
        )
        response["Retry-After"] = str(wait)
        return response


class TokenPage(View):
    """A page reached by a link in email: its signed token is what authorises it."""

    template_name = ""

    def invalid(self):
        return render(
            self.request,
            self.template_name,
            {"invalid": True, "signup": True},
            status=404,
        )


@private_page
@method_decorator([csrf_exempt, never_cache], name="dispatch")
class ConfirmView(TokenPage):
    """The double opt-in link. Opening it shows a button; the POST confirms (so that a mail
    scanner that follows every link confirms nothing)."""

    template_name = "newsletter/confirm.html"

    def get(self, request, token):
        found = tokens.read_confirm_token(token)
        if found is None:
            return self.invalid()
        subscriber, ids = found
        waiting = subscriber.subscriptions.filter(pk__in=ids)
        return render(request, self.template_name, {"subscriber": subscriber, "waiting": waiting})

    def post(self, request, token):
        found = tokens.read_confirm_token(token)
        if found is None:
            return self.invalid()
        subscriber, ids = found
        subscriptions.confirm(subscriber=subscriber, subscription_ids=ids)
        return render(
            request,
            self.template_name,
            {
                "subscriber": subscriber,
                "confirmed": True,
                "manage_token": tokens.manage_token(subscriber),
            },
        )


@private_page
@method_decorator([csrf_exempt, never_cache], name="dispatch")
class ManageView(TokenPage):
    """A subscriber's own page, without an account: how often, and what to stop."""

    template_name = "newsletter/manage.html"

    def context(self, subscriber, token, **more):
        return {
            "subscriber": subscriber,
            "token": token,
            "subscriptions": subscriber.subscriptions.select_related(
                "section", "outlet", "expert", "tag"
            ),
            "frequencies": Frequency.choices,
            **more,
        }

    def get(self, request, token):
        subscriber = tokens.read_manage_token(token)
        if subscriber is None:
            return self.invalid()
        return render(request, self.template_name, self.context(subscriber, token))

    def post(self, request, token):
        subscriber = tokens.read_manage_token(token)
        if subscriber is None:
            return self.invalid()
        if is_cross_site(request):
            return answer(request, 403, refused=_("This form works only from this site's pages."))
        frequencies, removed = {}, set()
        for subscription in subscriber.subscriptions.all():
            chosen = request.POST.get(f"frequency-{subscription.pk}")
            if chosen:
                frequencies[subscription.pk] = chosen
            if request.POST.get(f"remove-{subscription.pk}"):
                removed.add(subscription.pk)
        subscriptions.change(subscriber=subscriber, frequencies=frequencies, removed=removed)
        return render(request, self.template_name, self.context(subscriber, token, saved=True))


@private_page
@method_decorator([csrf_exempt, never_cache], name="dispatch")
class UnsubscribeView(TokenPage):
    """The List-Unsubscribe address. GET shows a button; POST unsubscribes the address from
    everything: from that button, or from a mail reader's one-click POST
    (`List-Unsubscribe=One-Click`, RFC 8058), which comes from a mail server, not a page."""

    template_name = "newsletter/unsubscribe.html"

    def get(self, request, token):
        subscriber = tokens.read_manage_token(token)
        if subscriber is None:
            return self.invalid()
        return render(request, self.template_name, {"subscriber": subscriber, "token": token})

    def post(self, request, token):
        subscriber = tokens.read_manage_token(token)
        if subscriber is None:
            return self.invalid()
        subscriptions.unsubscribe_all(subscriber=subscriber)
        return render(request, self.template_name, {"done": True, "signup": True})
