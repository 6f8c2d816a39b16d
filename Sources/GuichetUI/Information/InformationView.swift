import GuichetCore

/// Titles, key bars, help and drawing of the information screens, for the app chrome.
extension App {
  static func renderInformation(
    _ screen: Screen, in body: Rect, on canvas: inout Canvas, context: AppContext
  ) {
    switch screen {
    case .search(let search): SearchScreen.render(search, in: body, on: &canvas, context: context)
    case .occupation(let fiche):
      OccupationScreen.render(fiche, in: body, on: &canvas, context: context)
    case .certification(let fiche):
      CertificationScreen.render(fiche, in: body, on: &canvas, context: context)
    case .labourNeeds(let needs):
      LabourNeedsScreen.render(needs, in: body, on: &canvas, context: context)
    case .structures(let directory):
      StructuresScreen.render(directory, in: body, on: &canvas, context: context)
    default: break
    }
  }

  static func informationTitle(_ screen: Screen) -> String {
    switch screen {
    case .search: "Recherche"
    case .occupation(let fiche): OccupationScreen.title(fiche)
    case .certification(let fiche): CertificationScreen.title(fiche)
    case .labourNeeds(let needs): LabourNeedsScreen.title(needs)
    case .structures(let directory): StructuresScreen.title(directory)
    default: ""
    }
  }

  static func informationHints(_ screen: Screen) -> [HintLine] {
    switch screen {
    case .search: SearchScreen.bindings.map(\.hintLine)
    case .occupation: OccupationScreen.bindings.map(\.hintLine)
    case .certification: CertificationScreen.bindings.map(\.hintLine)
    case .labourNeeds:
      [HintLine(key: "Lettres", text: "Commune")] + LabourNeedsScreen.bindings.map(\.hintLine)
    case .structures:
      StructuresScreen.bindings.map(\.hintLine) + [HintLine(key: "Lettres", text: "Commune")]
    default: []
    }
  }

  static func informationHelp(_ screen: Screen, title: String) -> HelpScreen.State {
    switch screen {
    case .search:
      HelpScreen.State(
        screenTitle: title,
        purpose:
          "Recherche au fil de la frappe dans les métiers (toutes les appellations, au masculin et au féminin), les certifications RNCP et les structures. Ouverte depuis une visite, chaque fiche ouverte est notée sur la visite (code seulement). Une recherche sans résultat est notée comme demande non couverte : quelques mots, sans lien avec la visite.",
        lines: SearchScreen.bindings.map(\.hintLine) + SearchScreen.fieldHelp)
    case .occupation:
      HelpScreen.State(
        screenTitle: title,
        purpose:
          "Fiche ROME : domaine, appellations au masculin et au féminin, repères (réglementé, cadre, émergent), définition et accès quand les textes sont importés, salaire médian par famille professionnelle, certifications par niveau, métiers proches, centres d'intérêt. La source et l'âge des données sont en bas.",
        lines: OccupationScreen.bindings.map(\.hintLine))
    case .certification:
      HelpScreen.State(
        screenTitle: title,
        purpose:
          "Fiche RNCP : niveau, type, statut, fin de validité, domaine de formation (NSF) et métiers visés.",
        lines: CertificationScreen.bindings.map(\.hintLine))
    case .labourNeeds:
      HelpScreen.State(
        screenTitle: title,
        purpose:
          "Enquête BMO : métiers les plus recherchés du territoire (projets de recrutement), part jugée difficile et part saisonnière. Les chiffres couverts par le secret statistique sont indiqués « secret », jamais comptés à zéro. La nomenclature BMO (FAP2021) n'a pas de correspondance avec les fiches ROME.",
        lines: LabourNeedsScreen.bindings.map(\.hintLine) + LabourNeedsScreen.fieldHelp)
    case .structures:
      HelpScreen.State(
        screenTitle: title,
        purpose:
          "Annuaire des structures d'orientation (CIO, missions locales, PIJ, …) avec adresse et téléphone : celles du territoire d'abord, puis du département, puis de la région. Les coordonnées datent de l'annuaire publié : vérifiez-les avant d'orienter.",
        lines: StructuresScreen.bindings.map(\.hintLine) + StructuresScreen.fieldHelp)
    default:
      HelpScreen.State(screenTitle: title, purpose: "", lines: [])
    }
  }
}
