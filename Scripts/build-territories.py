#!/usr/bin/env python3
"""Builds the bundled territory dataset (Resources/data/territories/) from ../shared/data/territories.

Run from the repository root: python3 Scripts/build-territories.py [--source DIR]
Python standard library only; the output is deterministic, so re-running it on the same inputs changes nothing.

Inputs (kept exactly as published, see ../shared/data/README.md):
  bmo_bassin_emploi_communes.csv   reg,dep,code_commune_insee,code_bassin_BMO,lib_bassin_BMO (dep without leading zero)
  insee_ze2020_communes_auvergne_rhone_alpes_geo2022.csv   CODGEO,LIBGEO,ZE2020,LIBZE2020,...
  insee_ze2020_liste_geo2022.csv   ZE2020,LIBZE2020,NB_COM

Outputs (UTF-8, tab separated, '#' lines are comments):
  bassins.tsv           code, name (readable case), bmo_label (as published)
  communes.tsv          insee_code, name, bassin_code: BMO rows whose commune exists in the 2022 geography
  unnamed_communes.tsv  insee_code, bassin_code: BMO rows whose code no longer exists (merged communes,
                        Lyon arrondissements); reported here, not loaded, never silently dropped
  VERSION               content hash of the three files; the app reloads territories when it changes
"""

import argparse
import collections
import csv
import hashlib
import os
import sys
import unicodedata

DEPARTEMENTS = {"1", "7", "26", "38", "42", "69", "73", "74"}
EXPECTED_BASSINS = 38
EXPECTED_ROWS = 2927
PARTICLES = {"de", "du", "des", "la", "le", "les", "en", "sur", "sous", "et", "aux", "au", "d", "l"}
ATTRIBUTION = "# Sources : France Travail – enquête BMO (bassins d'emploi) ; Insee – Zones d'emploi 2020 (géographie 2022)"


def fold(text):
    """Upper case without accents or punctuation, to compare a BMO label with INSEE names."""
    decomposed = unicodedata.normalize("NFD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join("".join(c if c.isalnum() else " " for c in plain.upper()).split())


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def accented_words(names):
    """Most frequent written form of each word seen in INSEE names, keyed by its folded form."""
    forms = collections.defaultdict(collections.Counter)
    for name in names:
        for word in name.replace("-", " ").replace("'", " ").split():
            forms[fold(word)][word[:1].upper() + word[1:].lower()] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in forms.items()}


def readable(label, whole_names, words):
    """« SAINT ETIENNE » → « Saint-Étienne »; « VALLEE DE L ARVE » → « Vallée de l'Arve »."""
    key = fold(label)
    if key in whole_names:
        return whole_names[key]
    out = []
    parts = label.replace("-", " - ").split()
    for index, raw in enumerate(parts):
        if raw == "-":
            out.append("-")
            continue
        folded = fold(raw)
        lower = folded.lower()
        word = words.get(folded, raw[:1].upper() + raw[1:].lower())
        if index > 0 and lower in PARTICLES:
            word = lower
        out.append(word)
    text = " ".join(out).replace(" - ", "-")
    return text.replace(" l ", " l'").replace(" d ", " d'").replace("l' ", "l'").replace("d' ", "d'")


def write_tsv(path, comments, header, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        for comment in comments:
            handle.write(comment + "\n")
        handle.write("\t".join(header) + "\n")
        for row in rows:
            if any("\t" in field or "\n" in field for field in row):
                sys.exit(f"tab or newline in {row!r}")
            handle.write("\t".join(row) + "\n")


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", default=os.path.join(root, "..", "shared", "data", "territories"))
    parser.add_argument("--output", default=os.path.join(root, "Resources", "data", "territories"))
    args = parser.parse_args()

    bmo = [r for r in read_csv(os.path.join(args.source, "bmo_bassin_emploi_communes.csv")) if r["dep"] in DEPARTEMENTS]
    insee = {r["CODGEO"]: r for r in read_csv(os.path.join(args.source, "insee_ze2020_communes_auvergne_rhone_alpes_geo2022.csv"))}
    zones = read_csv(os.path.join(args.source, "insee_ze2020_liste_geo2022.csv"))

    labels = {}
    for row in bmo:
        previous = labels.setdefault(row["code_bassin_BMO"], row["lib_bassin_BMO"])
        if previous != row["lib_bassin_BMO"]:
            sys.exit(f"bassin {row['code_bassin_BMO']} has two labels")
    codes = [row["code_commune_insee"] for row in bmo]
    if len(set(codes)) != len(codes):
        sys.exit("a commune appears twice")
    if len(labels) != EXPECTED_BASSINS or len(bmo) != EXPECTED_ROWS:
        sys.exit(f"expected {EXPECTED_BASSINS} bassins and {EXPECTED_ROWS} rows, got {len(labels)} and {len(bmo)}")

    # Whole-name matches prefer commune names (« Bourg-en-Bresse ») over zone names (« Bourg en Bresse »).
    whole_names = {}
    for zone in zones:
        whole_names[fold(zone["LIBZE2020"])] = zone["LIBZE2020"]
    for commune in insee.values():
        whole_names[fold(commune["LIBGEO"])] = commune["LIBGEO"]
    words = accented_words([c["LIBGEO"] for c in insee.values()] + [z["LIBZE2020"] for z in zones])

    bassins = sorted((code, readable(label, whole_names, words), label) for code, label in labels.items())
    named = sorted((r["code_commune_insee"], insee[r["code_commune_insee"]]["LIBGEO"], r["code_bassin_BMO"]) for r in bmo if r["code_commune_insee"] in insee)
    unnamed = sorted((r["code_commune_insee"], r["code_bassin_BMO"]) for r in bmo if r["code_commune_insee"] not in insee)

    os.makedirs(args.output, exist_ok=True)
    write_tsv(os.path.join(args.output, "bassins.tsv"), [ATTRIBUTION], ["code", "name", "bmo_label"], bassins)
    write_tsv(os.path.join(args.output, "communes.tsv"), [ATTRIBUTION], ["insee_code", "name", "bassin_code"], named)
    write_tsv(
        os.path.join(args.output, "unnamed_communes.tsv"),
        [
            ATTRIBUTION,
            f"# {len(unnamed)} BMO rows whose commune code is absent from the Insee 2022 geography (merged communes,",
            "# Lyon arrondissements): no name is known, so they are reported here and not loaded.",
        ],
        ["insee_code", "bassin_code"],
        unnamed,
    )
    digest = hashlib.sha256()
    for name in ("bassins.tsv", "communes.tsv", "unnamed_communes.tsv"):
        with open(os.path.join(args.output, name), "rb") as handle:
            digest.update(handle.read())
    with open(os.path.join(args.output, "VERSION"), "w", encoding="utf-8") as handle:
        handle.write(digest.hexdigest()[:16] + "\n")

    print(f"{len(bassins)} bassins, {len(named)} named communes, {len(unnamed)} unnamed BMO rows (of {len(bmo)})")
    for code, name, label in bassins:
        print(f"  {code}  {label:<22} → {name}")
    print(f"unnamed commune codes ({len(unnamed)}), not loaded: " + " ".join(code for code, _ in unnamed))


if __name__ == "__main__":
    main()
