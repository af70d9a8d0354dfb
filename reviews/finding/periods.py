"""The period a reader asks the trends page for, by the lists' own date parameters
(`date_after` and `date_before`, YYYY-MM-DD, inclusive, on the review date)."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from reviews.finding.filters import IsoDateInput, ReaderFilterForm
from reviews.tallies import LONGEST_PERIOD, Period


def date_field(label) -> forms.DateField:
    return forms.DateField(
        label=label, required=False, input_formats=["%Y-%m-%d"], widget=IsoDateInput
    )


class PeriodForm(ReaderFilterForm):
    """Either date may be left out: the period then runs `default_days` to or from the other
    (but not past today; up to today without either). A period longer than `longest_days`
    is refused."""

    default_days = 30
    longest_days = LONGEST_PERIOD

    date_after = date_field(_("From"))
    date_before = date_field(_("Until"))

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        after, before = cleaned.get("date_after"), cleaned.get("date_before")
        span = datetime.timedelta(days=self.default_days - 1)
        try:
            today = timezone.localdate()
            if before is None:
                if after is None:
                    before = today
                else:  # (and no later than today, where nothing is yet)
                    before = after if after >= today else min(today, after + span)
            if after is None:
                after = before - span
        except OverflowError:  # 30 days from 9999-12-31, or before 0001-01-01
            self.add_error(None, _("Choose dates between the years 1 and 9999."))
            return cleaned
        if (before - after).days + 1 > self.longest_days:
            self.add_error(
                "date_after",
                ngettext(
                    "Choose a period of at most %(days)s day.",
                    "Choose a period of at most %(days)s days.",
                    self.longest_days,
                )
                % {"days": self.longest_days},
            )
        cleaned["period"] = Period(after, before)
        return cleaned


class MonthsForm(PeriodForm):
    """A period for a series of months: by default the last two years, at most ten."""

    default_days = 731
    longest_days = 3653
