"""Problems that `check` reports, as 'file:line: message' lines the validation tests compare against."""

from pathlib import Path

from blackjanuary import check


def errors(folder: Path) -> list[str]:
    """The errors `check` finds, as 'file:line: message' with file relative to `folder`."""
    catalog, problems = check(folder)
    found = [p for p in problems if p.severity == "error"]
    assert (catalog is None) == bool(found), "a catalogue must come back exactly when there are no errors"
    out = []
    for p in found:
        try:
            name = Path(p.file).resolve().relative_to(folder.resolve()).as_posix()
        except ValueError:
            name = p.file
        out.append(f"{name}:{p.line}: {p.message}")
    return out


def assert_reported(found: list[str], where: str, fragment: str) -> None:
    """One of the errors is at `where` ('file:line') and says `fragment`."""
    assert any(e.startswith(f"{where}: ") and fragment in e for e in found), (
        f"expected {where}: ...{fragment}...; got:\n" + "\n".join(found)
    )
