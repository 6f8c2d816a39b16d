/// A published file an importer reads, with what a mutation needs to know about it.
struct ImportFuzzTarget: Sendable {
  var dataset: ReferenceDataset
  var file: String
  /// A header column the importer needs (renamed or dropped by a mutation); nil for JSON.
  var column: String?
  /// Whether two equal records are refused (plain INSERT on a primary key), so a duplicated record is a defect.
  var uniqueKey = false

  var isJSON: Bool { file.hasSuffix(".json") }

  /// The few files that also get a 10 MiB field (each costs a second of parsing in a debug build).
  var hasTenMebibyteField: Bool {
    [
      "unix_referentiel_code_rome_v460_utf8.csv", "rncp_info.v1.4.csv",
      "unix_arborescence_secteur_activite_v460.json",
    ].contains(file)
  }

  /// Every file `guichet import` reads (the ROME tree's JSON gives only its date, through its name).
  static let all: [ImportFuzzTarget] = [
    .init(
      dataset: .rome, file: "unix_referentiel_code_rome_v460_utf8.csv", column: "code_rome",
      uniqueKey: true),
    .init(
      dataset: .rome, file: "unix_referentiel_appellation_v460_utf8.csv", column: "code_ogr",
      uniqueKey: true),
    .init(
      dataset: .rome, file: "unix_texte_v460_utf8.csv", column: "position_phrase", uniqueKey: true),
    .init(
      dataset: .rome, file: "unix_rubrique_mobilite_v460_utf8.csv", column: "code_rome_cible",
      uniqueKey: true),
    .init(
      dataset: .rome, file: "unix_centre_interet_v460_utf8.csv", column: "libelle_centre_interet",
      uniqueKey: true),
    .init(
      dataset: .rome, file: "unix_arborescence_centre_interet_v460_utf8.csv", column: "principal",
      uniqueKey: true),
    .init(dataset: .rome, file: "unix_arborescence_secteur_activite_v460.json"),
    .init(
      dataset: .romeTree, file: "rome_grand_domaines_from_arbo2021.csv",
      column: "code_grand_domaine", uniqueKey: true),
    .init(
      dataset: .romeTree, file: "rome_domaines_professionnels_from_arbo2021.csv",
      column: "libelle_domaine_professionnel", uniqueKey: true),
    .init(dataset: .rncp, file: "rncp_info.v1.4.csv", column: "ActiveInactive"),
    .init(dataset: .rncp, file: "rncp_rome.v1.4.csv", column: "Rome"),
    .init(dataset: .rncp, file: "rncp_nsf.v1.4.csv", column: "Libelle"),
    .init(dataset: .territories, file: "bmo_bassin_emploi_communes.csv", column: "code_bassin_BMO"),
    .init(
      dataset: .territories, file: "insee_ze2020_communes_auvergne_rhone_alpes_geo2022.csv",
      column: "LIBGEO"),
    .init(dataset: .bmo, file: "bmo2024_auvergne_rhone_alpes.csv", column: "met", uniqueKey: true),
    .init(dataset: .bmo, file: "dares_intitules_FAP2021.csv", column: "Code_FAP22"),
    .init(
      dataset: .salaries, file: "dares_psm_salaire_median_3niv.csv", column: "Salaire_median",
      uniqueKey: true),
    .init(dataset: .salaries, file: "dares_psm_fap225_rome.csv", column: "intitule_rome"),
    .init(dataset: .salaries, file: "Rome_to_Fap_processed.csv", column: "famille_pro87"),
    .init(
      dataset: .structures, file: "annuaire_sp_2019_orientation_rhone_alpes.csv", column: "notes"),
  ]
}
