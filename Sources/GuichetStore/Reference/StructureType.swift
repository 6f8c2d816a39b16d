/// Names of the directory's structure tags (`tag_string` in the Service-Public.fr export), for display and search:
/// an agent types « mission locale » or « CIO », not `mission_locale`.
public enum StructureType {
  static let names: [String: (label: String, acronym: String?)] = [
    "mission_locale": ("Mission locale", nil),
    "cij": ("Point information jeunesse", "PIJ BIJ"),
    "cio": ("Centre d’information et d’orientation", "CIO"),
    "greta": ("GRETA", "GRETA"),
    "suio": ("Service universitaire d’information et d’orientation", "SUIO"),
    "cidf": ("Centre d’information sur les droits des femmes et des familles", "CIDFF"),
    "crib": ("Centre de ressources et d’information des bénévoles", "CRIB"),
    // Partners of the same directory, the operators' files and the bookable structures' kinds (issue 14).
    "apec": ("Association pour l’emploi des cadres", "APEC"),
    "maison_handicapees": ("Maison départementale des personnes handicapées", "MDPH"),
    "agefiph": ("Agefiph", "Agefiph"),
    "chambre_metier": ("Chambre de métiers et de l’artisanat", "CMA"),
    "cci": ("Chambre de commerce et d’industrie", "CCI"),
    "france_travail": ("Agence France Travail", "France Travail Pôle emploi"),
    "transitions_pro": ("Transitions Pro", "Fongecif"),
    "france_services": ("France services", nil),
    "cap_emploi": ("Cap emploi", nil),
    "region_accredited": ("Opérateur habilité par la Région", "CEP"),
    "other": ("Autre structure", nil),
  ]

  /// French label of a tag, or nil for a tag this version does not know.
  public static func label(forTag tag: String) -> String? { names[tag]?.label }

  /// Usual acronym(s) of a tag, searchable as words.
  public static func acronym(forTag tag: String) -> String? { names[tag]?.acronym }
}
