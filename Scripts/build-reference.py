#!/usr/bin/env python3
"""Builds the bundled default reference dataset (Resources/data/reference/) from ../shared/data.

Run from the repository root: python3 Scripts/build-reference.py [--source DIR]
Python standard library only; the output is deterministic, so re-running it on the same inputs changes nothing.

The files stay in their published format (encoding, separator, quoting and known defects included), so the app
reads them with the very importers of `guichet import`: one code path, one set of tests. What is removed:
  - prose, which is never bundled (it comes only with `guichet import rome`): the fiche texts file is left out,
    and the definitions of interest areas and activity sectors are blanked;
  - exact duplicate rows of rncp_nsf (the export repeats each line up to three times; the importer keeps distinct pairs);
  - rows outside the 8 Rhône-Alpes départements in the France Travail, Services Publics+ and France services files
    (each kept record is copied byte for byte, so the importer meets the same defects as in the published file);
  - InserJeunes rows of other regions (the fiches show Auvergne-Rhône-Alpes, `code_region` 84), BCN N_MEF rows
    whose MEF_STAT_11 no kept InserJeunes row names, and tension indicators of other regions and départements
    (national, region 84 and the 8 départements are kept); kept records are copied byte for byte;
  - InserJeunes by establishment: rows of other regions (`Région` other than AUVERGNE-RHONE-ALPES), kept records
    copied byte for byte (no BOM in these files, whatever the data README says; CRLF);
  - files the importers do not read (the LHÉO schema, copied by hand to Resources/data/formations, whole-France
    territories: territories are bundled by Scripts/build-territories.py).
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
    "rncp-2021": [
        "rncp_info.v1.4.csv",
        "rncp_rome.v1.4.csv",
        "codes_diplomes.v1.4.csv",
        "Kit_apprentissage_20231218.csv",
    ],
    "labour": [
        "bmo2024_auvergne_rhone_alpes.csv",
        "dares_intitules_FAP2021.csv",
        "dares_psm_salaire_median_3niv.csv",
        "dares_psm_fap225_rome.csv",
        "Rome_to_Fap_processed.csv",
    ],
    "structures": [
        "annuaire_sp_2019_orientation_rhone_alpes.csv",
        "partenaires_annuaire_sp_2019_rhone_alpes.csv",
    ],
    "operators": ["transitions_pro_2022-05.js"],
    "formations": ["certifinfo_2025-01-01.csv"],
}

# The 8 Rhône-Alpes départements the bundle covers.
DEPARTEMENTS = ("01", "07", "26", "38", "42", "69", "73", "74")

# Operator files cut to the rows of the 8 départements (the whole-France files are 5 MB): name, separator,
# and the test a parsed row must pass. Each kept record is copied byte for byte (quoting, CRLF, BOM, defects).
FILTERED = {
    "france_travail_agences_2019.csv": (",", lambda row, h: row[h.index("CODE_POSTAL")][:2] in DEPARTEMENTS),
    "services_publics_plus_structures_2023-05.csv": (
        ";",
        lambda row, h: row[1] == "POLE EMPLOI" and row[h.index("INSEE Département")][3:] in DEPARTEMENTS,
    ),
    "france_services_2024-08-01.csv": (",", lambda row, h: row[h.index("insee_dep")] in DEPARTEMENTS),
}

SOURCES = """Sources of the bundled reference data (codes, labels and figures; no prose):
Source : France Travail – ROME 4.0 (v4.60)
France Travail – arborescence ROME (14/06/2021)
France compétences – RNCP (export 2021)
France Travail – enquête BMO 2024
DARES – Portrait statistique des métiers
Service-Public.fr – annuaire (2019)
France Travail – référentiel des agences (2019)
DITP – Services Publics+ (mai 2023)
ANCT – France services (2024)
Transitions Pro – contacts par département (mai 2022)
France compétences – codes diplômes (2021) et kit apprentissage (2023)
Réseau des Carif-Oref – Certif Info (2025)
DEPP-DARES – InserJeunes (Auvergne-Rhône-Alpes, millésimes 2019_2020 à 2022_2023)
DEPP-DARES – InserJeunes par établissement (Auvergne-Rhône-Alpes, millésime 2022_2023)
DARES – tensions sur le marché du travail (2019)
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


def raw_records(data):
    """Splits CSV bytes into records (a newline inside quotes stays in its record), each with its line end."""
    records, start, quoted = [], 0, False
    for index, byte in enumerate(data):
        if byte == 0x22:
            quoted = not quoted
        elif byte == 0x0A and not quoted:
            records.append(data[start : index + 1])
            start = index + 1
    if start < len(data):
        records.append(data[start:])
    return records


def filter_rows(source, target, separator, keep):
    """Keeps the header and the records `keep` accepts, byte for byte."""
    with open(source, "rb") as handle:
        records = raw_records(handle.read())
    def parse(record):
        return next(csv.reader(io.StringIO(record.decode("utf-8").lstrip("\ufeff")), delimiter=separator))
    header = [name.strip('"') for name in parse(records[0])]
    kept = [records[0]] + [r for r in records[1:] if r.strip() and keep(parse(r), header)]
    with open(target, "wb") as handle:
        handle.write(b"".join(kept))


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
    formations = os.path.join(args.source, "formations")
    filter_rows(
        os.path.join(formations, "inserjeunes_regions_2019-2023.csv"),
        os.path.join(args.output, "formations", "inserjeunes_regions_2019-2023.csv"),
        ";",
        lambda row, h: row[h.index("code_region")] == "84",
    )
    with open(os.path.join(args.output, "formations", "inserjeunes_regions_2019-2023.csv"), encoding="utf-8-sig") as handle:
        used_mef = {row["mefstat11"] for row in csv.DictReader(handle, delimiter=";") if row["mefstat11"]}
    filter_rows(
        os.path.join(formations, "bcn_n_mef.csv"),
        os.path.join(args.output, "formations", "bcn_n_mef.csv"),
        ";",
        lambda row, h: row[h.index("MEF_STAT_11")] in used_mef,
    )
    for name in (
        "inserjeunes_etablissements_2022-2023_voie_pro.csv",
        "inserjeunes_etablissements_2022-2023_apprentissage.csv",
    ):
        filter_rows(
            os.path.join(formations, name),
            os.path.join(args.output, "formations", name),
            ";",
            lambda row, h: row[h.index("Région")] == "AUVERGNE-RHONE-ALPES",
        )
    filter_rows(
        os.path.join(args.source, "labour", "dares_psm_tensions.csv"),
        os.path.join(args.output, "labour", "dares_psm_tensions.csv"),
        ",",
        lambda row, h: row[h.index("niveau_geo")].strip() == "nat"
        or row[h.index("reg")] == "84.0"
        or row[h.index("dep")] in DEPARTEMENTS,
    )
    for name, (separator, keep) in FILTERED.items():
        filter_rows(
            os.path.join(args.source, "operators", name), os.path.join(args.output, "operators", name), separator, keep
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
