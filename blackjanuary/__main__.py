"""Command line: `python -m blackjanuary validate [--data DIR]` and `geocode [--data DIR] [--force]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .loading import check, data_dir_from_env


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
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
