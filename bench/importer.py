"""How long the importer takes to read a paste against an archive-sized catalogue.

    python bench/importer.py [--experts 5000] [--outlets 100] [--citations 15] [--runs 5]
        [--database]

Builds a catalogue of generated outlets and experts (each expert with an alias, as merged
records have), then times, best of several runs: building the catalogue's index, and parsing a
generated review whose stories quote `--citations` people, a third of them known experts, a
third close spellings of known experts and a third new. No database is used, unless
`--database` is given: then the catalogue is read from the configured database (DATABASE_URL,
e.g. the archive `make bench` generates) in three queries, as the admin and the command do,
and that reading is timed too.
"""

import datetime
import itertools
import sys

import harness

GIVEN = [
    "Ana", "Rui", "Marta", "Jonas", "Laura", "Piotr", "Ewa", "Tomas", "Ilze", "Omar", "Lucía",
    "Helena", "Nuno", "Zofia", "Edgars", "Carla", "Tiago", "Inês", "Pieter", "Siobhán",
]  # fmt: skip
FAMILY = [
    "Ribeiro", "Matos", "Quelhas", "Petrauskas", "Ozola", "Zieliński", "Lis", "Rimkus",
    "Bērziņa", "al-Farsi", "Ferrer", "Vaz", "Rebelo", "Kaczmarek", "Kalniņš", "Sampaio",
    "Brandão", "Amaral", "van der Berg", "Ní Bhriain", "Costa", "Novak", "Horvath", "Lindqvist",
    "Moreau", "Okafor", "Tanaka", "Silva", "Kowalczyk", "Jensen",
]  # fmt: skip
SUFFIX = ["", "-Sousa", "-Nowak", "-Berg", "-Lima"]
NEW = ["Okonkwo", "Varga", "Halvorsen", "Delacroix", "Marangoni"]  # in no catalogue


def generated_names(count: int) -> list[str]:
    names = []
    for suffix, family, given in itertools.product(SUFFIX, FAMILY, GIVEN):
        names.append(f"{given} {family}{suffix}")
        if len(names) == count:
            return names
    # Beyond the combinations: a middle initial keeps every name distinct.
    letters = "ABCDEFGHJKLMNPRSTVW"
    for number in itertools.count():
        base = names[number % len(names)].split(" ", 1)
        names.append(f"{base[0]} {letters[number // len(names) % len(letters)]}. {base[1]}")
        if len(names) == count:
            return names


def build_catalogue(experts: int, outlets: int) -> dict:
    names = generated_names(experts)
    return {
        "outlets": [
            {"name": f"The Generated Gazette {n}", "aliases": [f"Gazette {n}"], "country": "X"}
            for n in range(outlets)
        ],
        "experts": [{"name": name, "aliases": [name.replace(" ", "  ").upper()]} for name in names],
        "sections": ["Business"],
    }


def paste(catalogue: dict, citations: int) -> str:
    known = [e["name"] for e in catalogue["experts"][:: max(1, len(catalogue["experts"]) // 7)]]
    people = []
    for number in range(citations):
        if number % 3 == 0:
            people.append(known[number % len(known)])
        elif number % 3 == 1:
            name = known[number % len(known)]
            people.append(name[:-1] + ("a" if name[-1] != "a" else "o"))  # a close spelling
        else:
            people.append(f"{GIVEN[number % len(GIVEN)]} {NEW[number % len(NEW)]}")
    stories, per_story = [], 3
    for start in range(0, citations, per_story):
        outlet = catalogue["outlets"][start % len(catalogue["outlets"])]["name"]
        sentences = [
            f"{person}, senior economist at the Institute of Generated Studies, told the paper "
            f'that the figures were "worse than expected".'
            for person in people[start : start + per_story]
        ]
        stories.append(
            f"{outlet}: Prices rise for a third month\nThe paper writes that prices rose again. "
            + " ".join(sentences)
        )
    return (
        "Press review: Prices rise for a third month\nBusiness\n"
        "LISBON, March 3 /Pressreview/. The papers write about prices.\n\n"
        + "\n\n".join(stories)
        + "\n\nThe agency is not responsible for the material quoted in these press reviews.\n"
    )


def main() -> int:
    parser = harness.arguments(__doc__)
    parser.add_argument("--experts", type=harness.positive, default="5000")
    parser.add_argument("--outlets", type=harness.positive, default="100")
    parser.add_argument("--citations", type=harness.positive, default="15")
    parser.add_argument("--runs", type=harness.positive, default="5")
    parser.add_argument(
        "--database", action="store_true", help="Read the catalogue from the database."
    )
    options = parser.parse_args()
    harness.setup_django()

    from reviews.importer.catalogue import Catalogue
    from reviews.importer.parser import parse_review

    if options.database:
        harness.require_database(content=False)
        reading = harness.timed(Catalogue.from_database, runs=options.runs)
        print(
            f"catalogue from the database: {len(reading.result.experts)} experts, "
            f"{len(reading.result.outlets)} outlets, read and indexed in "
            f"{reading.best().wall_ms:.0f} ms"
        )

    harness.say(f"building a catalogue of {options.experts:,} experts")
    data = build_catalogue(options.experts, options.outlets)
    text = paste(data, options.citations)
    indexing = harness.timed(lambda: Catalogue.from_records(**data), runs=options.runs)
    # Each run gets a fresh catalogue, as each import does: no look-up is remembered across.
    catalogues = iter([Catalogue.from_records(**data) for _ in range(options.runs)])
    parsing = harness.timed(
        lambda: parse_review(text, catalogue=next(catalogues), today=datetime.date(2026, 3, 4)),
        runs=options.runs,
    )
    proposal = parsing.result
    cited = [c for story in proposal.stories for c in story.citations]
    print(f"catalogue: {options.experts} experts (with an alias each), {options.outlets} outlets")
    print(
        f"paste: {len(proposal.stories)} stories, {len(cited)} citations found "
        f"({sum(not c.is_new for c in cited)} matched to known experts)"
    )
    print(
        f"building the catalogue's index: {indexing.best().wall_ms:.0f} ms (best of {options.runs})"
    )
    print(f"parsing the paste: {parsing.best().wall_ms:.0f} ms (best of {options.runs})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
