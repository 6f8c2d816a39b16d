#!/usr/bin/env python3
"""Builds the bundled default reference dataset (Resources/data/reference/) from ../shared/data.

Run from the repository root: python3 Scripts/build-reference.py [--source DIR]
Python standard library only; the output is deterministic, so re-running it on the same inputs changes nothing.

The files stay in their published format (encoding, separator, quoting and known defects included), so the app
reads them with the very importers of `guichet import`: one code path, one set of tests. What is removed:
  - prose, which is never bundled (it comes only with `guichet import rome`): the fiche texts file is left out,
    and the definitions of interest areas and activity sectors are blanked;
  - exact duplicate rows of rncp_nsf (the export repeats each line up to three times; the importer keeps distinct pairs);
  - files the importers do not read (apprenticeship kit, diploma codes, tension indicators, whole-France territories:
    territories are bundled by Scripts/build-territories.py).
Outputs: one folder per dataset, SOURCES.txt (attribution lines) and VERSION (content hash, which makes the app
reload the bundle when it changes).
"""

import argparse
import csv
import hashlib
import io
import json
import os
import shutil
import sys

COPIED = {
    "rome-4.0": [
        "unix_referentiel_code_rome_v460_utf8.csv",
        "unix_referentiel_appellation_v460_utf8.csv",
        "unix_rubrique_mobilite_v460_utf8.csv",
        "unix_arborescence_centre_interet_v460_utf8.csv",
    ],
    "rome-tree-2021": [
        "rome_grand_domaines_from_arbo2021.csv",
        "rome_domaines_professionnels_from_arbo2021.csv",
    ],
    "rncp-2021": ["rncp_info.v1.4.csv", "rncp_rome.v1.4.csv"],
    "labour": [
        "bmo2024_auvergne_rhone_alpes.csv",
        "dares_intitules_FAP2021.csv",
        "dares_psm_salaire_median_3niv.csv",
        "dares_psm_fap225_rome.csv",
        "Rome_to_Fap_processed.csv",
    ],
    "structures": ["annuaire_sp_2019_orientation_rhone_alpes.csv"],
}

SOURCES = """Sources of the bundled reference data (codes, labels and figures; no prose):
Source : France Travail – ROME 4.0 (v4.60)
France Travail – arborescence ROME (14/06/2021)
France compétences – RNCP (export 2021)
France Travail – enquête BMO 2024
DARES – Portrait statistique des métiers
Service-Public.fr – annuaire (2019)
Licence Ouverte / Etalab. Fiche definitions, access texts and interest-area definitions are not bundled:
they are read only by `guichet import rome <folder>`.
"""


def strip_interest_definitions(source, target):
    """Keeps code and label of each interest area; the definition (prose) is blanked."""
    with open(source, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    column = rows[0].index("definition_centre_interet")
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(rows[0])
    for row in rows[1:]:
        if not row:
            continue
        row[column] = ""
        writer.writerow(row)
    with open(target, "w", encoding="utf-8", newline="") as handle:
        handle.write(out.getvalue())


def strip_sector_definitions(source, target):
    """Keeps the sector tree (codes, labels, métiers); every `definition` (prose) is blanked. `¿` stay as published."""
    with open(source, encoding="utf-8") as handle:
        tree = json.load(handle)

    def blank(node):
        if isinstance(node, dict):
            return {key: ("" if key == "definition" else blank(value)) for key, value in node.items()}
        if isinstance(node, list):
            return [blank(item) for item in node]
        return node

    with open(target, "w", encoding="utf-8", newline="\n") as handle:
        json.dump(blank(tree), handle, ensure_ascii=False, indent=1)
        handle.write("\n")


def dedupe_lines(source, target):
    """Drops exact repeats of a line (bytes compared, encoding untouched); the header and order are kept."""
    with open(source, "rb") as handle:
        lines = handle.read().split(b"\n")
    seen = set()
    out = []
    for index, line in enumerate(lines):
        if index > 0 and line in seen:
            continue
        seen.add(line)
        out.append(line)
    with open(target, "wb") as handle:
        handle.write(b"\n".join(out))


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", default=os.path.join(root, "..", "shared", "data"))
    parser.add_argument("--output", default=os.path.join(root, "Resources", "data", "reference"))
    args = parser.parse_args()
    if os.path.isdir(args.output):
        shutil.rmtree(args.output)
    for folder, names in COPIED.items():
        os.makedirs(os.path.join(args.output, folder))
        for name in names:
            shutil.copyfile(os.path.join(args.source, folder, name), os.path.join(args.output, folder, name))
    rome = os.path.join(args.source, "rome-4.0")
    strip_interest_definitions(
        os.path.join(rome, "unix_centre_interet_v460_utf8.csv"),
        os.path.join(args.output, "rome-4.0", "unix_centre_interet_v460_utf8.csv"),
    )
    strip_sector_definitions(
        os.path.join(rome, "unix_arborescence_secteur_activite_v460.json"),
        os.path.join(args.output, "rome-4.0", "unix_arborescence_secteur_activite_v460.json"),
    )
    dedupe_lines(
        os.path.join(args.source, "rncp-2021", "rncp_nsf.v1.4.csv"),
        os.path.join(args.output, "rncp-2021", "rncp_nsf.v1.4.csv"),
    )
    with open(os.path.join(args.output, "SOURCES.txt"), "w", encoding="utf-8", newline="\n") as handle:
        handle.write(SOURCES)
    digest = hashlib.sha256()
    for folder in sorted(COPIED):
        for name in sorted(os.listdir(os.path.join(args.output, folder))):
            digest.update(f"{folder}/{name}\n".encode())
            with open(os.path.join(args.output, folder, name), "rb") as handle:
                digest.update(handle.read())
    with open(os.path.join(args.output, "VERSION"), "w", encoding="utf-8", newline="\n") as handle:
        handle.write(digest.hexdigest()[:16] + "\n")
    print(f"wrote {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
