"""Command line: `python -m blackjanuary validate`, `geocode`, `export`, `messages` and `translations`; `--help` on each."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .i18n import DEFAULT_LANGUAGE, LANGUAGES
from .loading import Catalog, check, data_dir_from_env


def _validate(args: argparse.Namespace) -> int:
    catalog, problems = check(args.data)
    for problem in problems:
        print(problem, file=sys.stderr if problem.severity == "error" else sys.stdout)
    if catalog is None:
        errors = sum(p.severity == "error" for p in problems)
        print(f"{errors} problem{'s' if errors != 1 else ''} found", file=sys.stderr)
        return 1
    print(
        f"ok: {len(catalog.events)} events, {len(catalog.places)} places, "
        f"{len(catalog.sources)} sources, {len(catalog.narratives)} narratives, "
        f"{len(catalog.claims)} claims, {catalog.quote_count} quotes verified"
    )
    return 0


def _geocode(args: argparse.Namespace) -> int:
    from .geocode import run  # geopy and ruamel.yaml are needed only here

    return run(args.data, force=args.force)


def _export(args: argparse.Namespace) -> int:
    if args.narrative and args.format != "html":
        print("--narrative applies only to --format html", file=sys.stderr)
        return 2
    catalog, problems = check(args.data)
    if catalog is None:
        for problem in problems:
            if problem.severity == "error":
                print(problem, file=sys.stderr)
        print("export stopped: fix the data first", file=sys.stderr)
        return 1
    if args.format == "html":
        return _export_html(args, catalog)
    if args.format == "explorer":
        return _export_explorer(args, catalog)
    from .formats import FORMATS

    data = FORMATS[args.format].render(catalog, args.lang)
    if not _write(args.out, data):
        return 1
    citations = sum(len(e.citations) for e in catalog.events)
    print(
        f"wrote {args.out}: {len(catalog.events)} events, {len(catalog.places)} places, "
        f"{citations} passages, {len(data) / 1e3:.0f} kB"
    )
    return 0


def _export_html(args: argparse.Namespace, catalog: Catalog) -> int:
    from datetime import date

    from .export import html_export
    from .present import CHRONOLOGY_ID, narrative_or_chronology

    catalog = catalog.in_language(args.lang)  # the summary names the narrative as the file does
    chosen = args.narrative or next(iter(catalog.narratives), CHRONOLOGY_ID)
    narrative = narrative_or_chronology(catalog, chosen, args.lang)
    if narrative is None:
        known = ", ".join([*catalog.narratives, CHRONOLOGY_ID])
        print(f"no narrative '{chosen}'; choose one of: {known}", file=sys.stderr)
        return 2
    text = html_export(catalog, narrative, made=date.today(), lang=args.lang)
    if not _write(args.out, text.encode("utf-8")):
        return 1
    print(f"wrote {args.out}: '{narrative.title}', {len(narrative.steps)} step{'s' if len(narrative.steps) != 1 else ''}, {len(text.encode()) / 1e6:.1f} MB")
    return 0


def _export_explorer(args: argparse.Namespace, catalog: Catalog) -> int:
    from .offline_explorer import BundleMissing, explorer_file
    from .timeline import RANGES

    try:
        data = explorer_file(catalog, args.lang)
    except BundleMissing as err:
        print(f"export stopped: {err}", file=sys.stderr)
        return 1
    if not _write(args.out, data):
        return 1
    print(
        f"wrote {args.out}: one self-contained file, {len(catalog.events)} events, {len(catalog.places)} places, "
        f"{len(catalog.sources)} sources, {len(RANGES)} ranges in {len(LANGUAGES)} languages, "
        f"opening in {args.lang}, {len(data) / 1e6:.1f} MB"
    )
    return 0


def _messages(args: argparse.Namespace) -> int:
    """Check the interface's catalogues against the English template, or merge the template in first."""
    from .i18n import catalogue_problems, template, update_catalogue

    failed = 0
    for lang in (args.lang,) if args.lang else [code for code in LANGUAGES if code != DEFAULT_LANGUAGE]:
        problems = update_catalogue(lang) if args.action == "update" else catalogue_problems(lang)
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{lang}: {len(template()) - len({p.key for p in problems})} of {len(template())} messages translated"
              + (f", {len(problems)} problem{'s' if len(problems) != 1 else ''}" if problems else ""))
        failed += bool(problems)
    return 1 if failed else 0


def _translations(args: argparse.Namespace) -> int:
    """What each language's translation of the catalogue's own text lacks, file and line for each."""
    from .translations import FOLDER, counts, english_texts

    catalog, problems = check(args.data)
    if catalog is None:
        print("fix the data first: python -m blackjanuary validate", file=sys.stderr)
        return 1
    languages = (args.lang,) if args.lang else [code for code in LANGUAGES if code != DEFAULT_LANGUAGE]
    folder = f"{FOLDER}/"
    left = 0
    for lang in languages:
        mine = [p for p in problems if f"{folder}{lang}.yaml" in p.file]
        for problem in mine:
            print(problem)
        done, total = counts(catalog).get(lang, (0, len(list(english_texts(catalog)))))
        found = catalog.translations.get(lang)
        reviewed = f"reviewed by {found.reviewed_by}" if found and found.reviewed_by else "not yet reviewed"
        print(f"{lang}: {done} of {total} texts translated, {reviewed}")
        left += len(mine)
    return 1 if left else 0


def _write(path: Path, data: bytes) -> bool:
    try:
        path.write_bytes(data)
    except OSError as err:
        print(f"could not write {path}: {err.strerror or err}", file=sys.stderr)
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m blackjanuary")
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check the data folder and every quote")
    validate.add_argument("--data", type=Path, default=data_dir_from_env(), help="data folder (default: $BLACKJANUARY_DATA or data/)")
    validate.set_defaults(run=_validate)
    geocode = commands.add_parser(
        "geocode", help="fill in missing coordinates of point places from OpenStreetMap's Nominatim"
    )
    geocode.add_argument("--data", type=Path, default=data_dir_from_env(), help="data folder (default: $BLACKJANUARY_DATA or data/)")
    geocode.add_argument("--force", action="store_true", help="look up every point place again, replacing coordinates set by hand")
    geocode.set_defaults(run=_geocode)
    export = commands.add_parser(
        "export",
        help="write a narrative as slides, the whole explorer as one offline file, "
        "or the whole catalogue as GeoJSON, TimelineJS JSON or CSV",
    )
    export.add_argument(
        "--format", choices=["html", "explorer", "geojson", "timelinejs", "csv"], default="html",
        help="html: one self-contained page of slides that opens offline and prints to A4; "
        "explorer: the Explore page as one self-contained file, every range and language, that opens offline; "
        "geojson: the places with their events and passages; timelinejs: every event as a TimelineJS3 slide; "
        "csv: one row per cited passage (UTF-8 with a byte-order mark)",
    )
    export.add_argument("--out", type=Path, required=True, help="the file to write")
    export.add_argument(
        "--narrative",
        help="html only: a narrative id from narratives.yaml, or 'chronology' for every event (default: the first narrative)",
    )
    export.add_argument(
        "--lang", choices=list(LANGUAGES), default=DEFAULT_LANGUAGE,
        help="the language of the interface and of the catalogue's own text: en (English, the default), "
        "az (Azerbaijani) or ru (Russian); quotes stay in their source's language. The explorer opens "
        "in it and switches to the others",
    )
    export.add_argument("--data", type=Path, default=data_dir_from_env(), help="data folder (default: $BLACKJANUARY_DATA or data/)")
    export.set_defaults(run=_export)
    messages = commands.add_parser(
        "messages", help="check the interface's message catalogues (locale/*.po) against the English, or update them"
    )
    messages.add_argument("action", choices=["check", "update"],
                          help="check: list missing and stale translations; update: merge messages.pot into each "
                               "catalogue first (new messages empty, changed English marked fuzzy), then check")
    messages.add_argument("--lang", choices=[c for c in LANGUAGES if c != DEFAULT_LANGUAGE], help="one language only")
    messages.set_defaults(run=_messages)
    translations = commands.add_parser(
        "translations", help="list what the translations of the catalogue's own text (data/translations/) lack"
    )
    translations.add_argument("--lang", choices=[c for c in LANGUAGES if c != DEFAULT_LANGUAGE], help="one language only")
    translations.add_argument("--data", type=Path, default=data_dir_from_env(), help="data folder (default: $BLACKJANUARY_DATA or data/)")
    translations.set_defaults(run=_translations)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
