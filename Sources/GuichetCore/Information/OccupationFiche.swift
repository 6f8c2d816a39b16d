/// A ROME fiche as the métier screen shows it: identity, domaine, texts, every job title in both genders, flags,
/// linked certifications, neighbouring métiers, interest areas and salary figures, with the source of each part.
public struct OccupationFiche: Equatable, Sendable {
  public var code: String
  public var title: String
  /// The fiche this one belongs to (equal to `code` for the 532 main fiches).
  public var parentCode: String
  public var parentTitle: String?
  public var grandDomain: CodeLabel?
  public var domain: CodeLabel?
  /// Definition sentences, empty when the prose was not imported (it is never bundled).
  public var definition: [String]
  /// « Accès au métier » sentences, empty when not imported.
  public var access: [String]
  /// True when the ROME texts were imported, to tell « not imported » from « none published ».
  public var textsImported: Bool
  public var jobTitles: [JobTitle]
  public var flags: OccupationFlags
  public var certifications: [CertificationSummary]
  /// Mobility links of the fiche, in the published order.
  public var neighbours: [CodeLabel]
  /// Other fiches under the same parent (sub-fiches, or the parent itself).
  public var related: [CodeLabel]
  public var interests: [Interest]
  /// One entry per FAP2009 family the fiche maps to: never blended into one figure.
  public var salaries: [SalaryFigure]
  public var sources: [DataSource]
  /// Débouchés (InserJeunes) of the certifications that lead to this métier, those with figures.
  public var outcomes: [CertificationOutcomes]
  /// DARES hiring tension of each FAP2009 family, in the visitor's départements (or the region).
  public var tensions: [HiringTension]

  public init(
    code: String, title: String, parentCode: String? = nil, parentTitle: String? = nil,
    grandDomain: CodeLabel? = nil, domain: CodeLabel? = nil, definition: [String] = [],
    access: [String] = [], textsImported: Bool = false, jobTitles: [JobTitle] = [],
    flags: OccupationFlags = OccupationFlags(), certifications: [CertificationSummary] = [],
    neighbours: [CodeLabel] = [], related: [CodeLabel] = [], interests: [Interest] = [],
    salaries: [SalaryFigure] = [], sources: [DataSource] = [],
    outcomes: [CertificationOutcomes] = [], tensions: [HiringTension] = []
  ) {
    self.code = code
    self.title = title
    self.parentCode = parentCode ?? code
    self.parentTitle = parentTitle
    self.grandDomain = grandDomain
    self.domain = domain
    self.definition = definition
    self.access = access
    self.textsImported = textsImported
    self.jobTitles = jobTitles
    self.flags = flags
    self.certifications = certifications
    self.neighbours = neighbours
    self.related = related
    self.interests = interests
    self.salaries = salaries
    self.sources = sources
    self.outcomes = outcomes
    self.tensions = tensions
  }

  public func source(_ name: String) -> DataSource? { sources.first { $0.name == name } }
}

public struct CodeLabel: Equatable, Hashable, Sendable {
  public var code: String
  public var label: String
  public init(code: String, label: String) {
    self.code = code
    self.label = label
  }
}

/// A job title (appellation) in its masculine and feminine forms, equal for an epicene title.
public struct JobTitle: Equatable, Hashable, Sendable {
  public var masculine: String
  public var feminine: String
  public var isMain: Bool
  public var rarelyUsed: Bool
  public init(masculine: String, feminine: String, isMain: Bool = false, rarelyUsed: Bool = false) {
    self.masculine = masculine
    self.feminine = feminine
    self.isMain = isMain
    self.rarelyUsed = rarelyUsed
  }

  public var isEpicene: Bool { masculine == feminine }
}

/// ROME flags, each with three states: yes, no, and nil when the file says nothing.
public struct OccupationFlags: Equatable, Sendable {
  public var regulated: Bool?
  public var cadre: Bool?
  /// « Emploi Vert », « Emploi Blanc », « Emploi Brun », « Emploi stratégique pour la Transition écologique ».
  public var ecologicalTransition: String?
  public var digitalTransition: Bool?
  public var demographicTransition: Bool?

  public init(
    regulated: Bool? = nil, cadre: Bool? = nil, ecologicalTransition: String? = nil,
    digitalTransition: Bool? = nil, demographicTransition: Bool? = nil
  ) {
    self.regulated = regulated
    self.cadre = cadre
    self.ecologicalTransition = ecologicalTransition
    self.digitalTransition = digitalTransition
    self.demographicTransition = demographicTransition
  }

  /// ROME's transition flags in plain French, one sentence each: the ecological class always (when the file
  /// gives one), the digital and demographic flags when set. ROME publishes no « emerging » flag: these
  /// say how a transition concerns the métier, not that it is new.
  public var transitions: [String] {
    var result: [String] = []
    if let eco = ecologicalTransition?.lowercased(), !eco.isEmpty {
      let sentence =
        if eco.contains("vert") {
          "son but est de protéger l'environnement (emploi vert)"
        } else if eco.contains("strat") {
          "ses compétences sont clés pour la transition écologique"
        } else if eco.contains("brun") {
          "activité à fort impact sur l'environnement, appelée à se transformer"
        } else if eco.contains("blanc") {
          "pas directement concerné"
        } else {
          ecologicalTransition ?? ""
        }
      result.append("Transition écologique : " + sentence)
    }
    if digitalTransition == true {
      result.append("Transition numérique : métier transformé par le numérique")
    }
    if demographicTransition == true {
      result.append(
        "Transition démographique : métier lié au vieillissement de la population")
    }
    return result
  }
}

/// A certification listed on a métier fiche.
public struct CertificationSummary: Equatable, Hashable, Sendable {
  public var code: String
  public var title: String
  public var level: Int?
  public var typeLabel: String?
  public var isActive: Bool
  public init(code: String, title: String, level: Int?, typeLabel: String? = nil, isActive: Bool) {
    self.code = code
    self.title = title
    self.level = level
    self.typeLabel = typeLabel
    self.isActive = isActive
  }
}

public struct Interest: Equatable, Hashable, Sendable {
  public var label: String
  /// The area is one of the fiche's main interests.
  public var isMain: Bool
  public init(label: String, isMain: Bool) {
    self.label = label
    self.isMain = isMain
  }
}

/// The median monthly net salary of one FAP2009 family for one period (DARES).
public struct SalaryFigure: Equatable, Hashable, Sendable {
  public var familyCode: String
  public var familyLabel: String?
  /// « 2017-2019 ».
  public var period: String
  /// Euros, or nil when the source publishes no figure.
  public var monthlyNet: Int?
  public init(familyCode: String, familyLabel: String?, period: String, monthlyNet: Int?) {
    self.familyCode = familyCode
    self.familyLabel = familyLabel
    self.period = period
    self.monthlyNet = monthlyNet
  }
}

/// European qualification levels as French agents name them (cadre national des certifications, 2019).
public enum CertificationLevel {
  public static func label(_ level: Int?) -> String {
    guard let level else { return "Niveau non précisé" }
    let usual: String? =
      switch level {
      case 3: "CAP, BEP"
      case 4: "baccalauréat"
      case 5: "bac + 2"
      case 6: "bac + 3 ou 4"
      case 7: "bac + 5"
      case 8: "doctorat"
      default: nil
      }
    return usual.map { "Niveau \(level) (\($0))" } ?? "Niveau \(level)"
  }
}
