"""`manage.py import_text FILE...`: a draft review from each file of pasted press-review text."""

import json

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from reviews.importer.catalogue import Catalogue
from reviews.importer.parser import ImportFailed, ReviewProposal, parse_review
from reviews.importer.services import draft_from_proposal, import_draft
from reviews.importer.webpage import UndecodablePage, decode
from reviews.management.files import UnreadableFile, read_bytes
from reviews.models import Section


class Command(BaseCommand):
    help = (
        "Draft a press review, with its stories and citations, from each file of text pasted "
        "from a press-review page, or of the page saved as HTML. Outlets and experts are "
        "matched by name or alias; unknown ones make the file fail unless --create-new is "
        "given. --dry-run prints what was read and saves nothing. (The JSON documents of "
        "export_json go to import_json.)"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "files",
            nargs="+",
            metavar="FILE",
            help=(
                "Text files (UTF-8) or saved HTML pages (in the charset they declare); '-' for "
                "standard input."
            ),
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Print the parsed structure; save nothing."
        )
        parser.add_argument(
            "--json", action="store_true", help="With --dry-run: print the structure as JSON."
        )
        parser.add_argument(
            "--section", metavar="SLUG", help="The section, when the text names none."
        )
        parser.add_argument("--author", metavar="USERNAME", help="The drafts' author.")
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            default="",
            help="The language the texts are written in (recognised from each text otherwise).",
        )
        parser.add_argument(
            "--create-new",
            action="store_true",
            help="Create the outlets and experts that are not known yet.",
        )

    def handle(self, *args, files, dry_run, json, section, author, create_new, language, **options):
        section_obj = self.find_section(section) if section else None
        user = self.find_author(author) if author else None
        catalogue = Catalogue.from_database()
        failed = 0
        for name in files:
            try:
                text = decode(read_bytes(name))
                proposal = parse_review(
                    text, catalogue=catalogue, today=timezone.localdate(), language=language
                )
                if dry_run:
                    self.print_proposal(name, proposal, as_json=json)
                draft = draft_from_proposal(proposal, section=section_obj, create_new=create_new)
                if dry_run:
                    continue
                review = import_draft(draft=draft, by=user)
            except (UnreadableFile, UndecodablePage, ImportFailed, PermissionDenied) as problem:
                failed += 1
                self.stderr.write(self.style.ERROR(f"{name}: not imported: {problem}"))
                continue
            citations = sum(len(story.citations) for story in draft.stories)
            self.stdout.write(
                self.style.SUCCESS(
                    f"{name}: draft “{review.title}” created with {len(draft.stories)} "
                    f"stories and {citations} citations: "
                    f"{reverse('admin:reviews_review_change', args=[review.pk])}"
                )
            )
        if failed:
            raise CommandError(
                ngettext(
                    "%(failed)d of %(total)d file could not be imported.",
                    "%(failed)d of %(total)d files could not be imported.",
                    len(files),
                )
                % {"failed": failed, "total": len(files)}
            )

    def find_section(self, slug: str) -> Section:
        try:
            return Section.objects.get(slug=slug)
        except Section.DoesNotExist as error:
            raise CommandError(f"No section with the slug “{slug}”.") from error

    def find_author(self, username: str):
        try:
            return get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist as error:
            raise CommandError(f"No user called “{username}”.") from error

    def print_proposal(self, name: str, proposal: ReviewProposal, *, as_json: bool) -> None:
        if as_json:
            self.stdout.write(json.dumps(proposal.to_dict(), ensure_ascii=False, indent=2))
            return
        write = self.stdout.write
        write(self.style.MIGRATE_HEADING(f"== {name}"))
        write(f"Title:      {proposal.title}")
        write(f"Language:   {proposal.language}")
        write(f"Section:    {proposal.section_name or '?'}")
        agency = f" /{proposal.agency}/" if proposal.agency else ""
        write(f"Dateline:   {proposal.dateline_city or '?'}, {proposal.review_date or '?'}{agency}")
        write(f"Lede:       {shorten(proposal.lede)}")
        for number, story in enumerate(proposal.stories, start=1):
            known = "new" if story.outlet.is_new else "known"
            write(f"Story {number}:    {story.outlet.name} [{known}]: {story.headline}")
            write(f"            {shorten(story.body)}")
            if story.pages:
                write(f"            ({story.pages})")
            for citation in story.citations:
                known = "new" if citation.is_new else "known"
                title = ", ".join(p for p in (citation.position, citation.organisation) if p)
                quote = f" “{shorten(citation.quote, 60)}”" if citation.quote else ""
                title = f", {title}" if title else ""
                write(f"            quotes {citation.name} [{known}]{title}{quote}")
        write(f"Disclaimer: {proposal.disclaimer or '(none: the site-wide one)'}")
        if proposal.newsmakers:
            write(f"Newsmakers: {', '.join(proposal.newsmakers)}")
        others = [n for n in proposal.mentioned_people if n not in proposal.newsmakers]
        if others:
            write(f"Named, not quoted: {', '.join(others)}")
        for uncertainty in proposal.uncertainties:
            write(self.style.WARNING(f"Check {uncertainty.field}: {uncertainty.message}"))


def shorten(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
