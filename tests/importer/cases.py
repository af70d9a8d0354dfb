"""The invented reviews in tests/data/import/ and the records they expect to find."""

import datetime
import json
from pathlib import Path

from reviews.names import slug_for_name
from tests.support.factories import ExpertFactory, OutletFactory, SectionFactory

FOLDER = Path(__file__).resolve().parents[1] / "data" / "import"


def text_of(name: str) -> str:
    return (FOLDER / f"{name}.txt").read_text(encoding="utf-8")


def expected_of(name: str) -> dict:
    return json.loads((FOLDER / f"{name}.json").read_text(encoding="utf-8"))


def case_names() -> list[str]:
    return [path.stem for path in sorted(FOLDER.glob("*.txt"))]


def create_catalogue() -> None:
    """Create the sections, outlets and experts of catalogue.json in the database."""
    data = json.loads((FOLDER / "catalogue.json").read_text(encoding="utf-8"))
    for name in data["sections"]:
        SectionFactory(name=name, slug=slug_for_name(name, fallback="section"))
    for outlet in data["outlets"]:
        OutletFactory(
            name=outlet["name"],
            slug=slug_for_name(outlet["name"], fallback="outlet"),
            aliases="\n".join(outlet["aliases"]),
            country=outlet["country"],
            language=outlet["language"],
        )
    for expert in data["experts"]:
        ExpertFactory(
            name=expert["name"],
            slug=slug_for_name(expert["name"], fallback="expert"),
            aliases="\n".join(expert["aliases"]),
            position=expert["position"],
            organisation=expert["organisation"],
        )


def form_data(forms) -> dict:
    """The POST data of the proposal page as shown, for the test to change and submit."""
    data = {}
    formsets = [forms.stories, *forms.citations]
    for form in [forms.review, *(f.management_form for f in formsets)] + [
        form for formset in formsets for form in formset.forms
    ]:
        for field in form:
            value = field.value()
            if value is None or value is False:
                continue
            if isinstance(value, datetime.date):
                value = value.isoformat()
            data[field.html_name] = value
    return data
