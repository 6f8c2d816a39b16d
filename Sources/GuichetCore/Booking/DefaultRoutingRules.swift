/// The routing table a new database starts with, following the law on each network's public.
/// The migration copies it once; later changes here reach only new databases, so edit rules in the database.
public enum DefaultRoutingRules {
  static let missionLocale =
    "Jeune de 16 à 25 ans sorti du système scolaire : la Mission locale l'accompagne (emploi, formation, vie quotidienne)."
  static let youngAdult =
    "Jeune de 16 à 25 ans : la Mission locale l'accompagne (emploi, formation, logement, santé, mobilité)."
  static let capEmploi =
    "Travailleur handicapé (RQTH) : Cap emploi accompagne vers l'emploi et le maintien dans l'emploi."
  static let apec =
    "Cadre ou jeune diplômé (bac+3 et plus) : l'APEC est l'opérateur du conseil en évolution professionnelle des cadres."
  static let franceTravail =
    "Demandeur d'emploi : France Travail (inscription, indemnisation, accompagnement vers l'emploi)."
  static let disabledJobSeeker =
    "Travailleur handicapé (RQTH) en recherche d'emploi : France Travail l'inscrit et l'accompagne, avec Cap emploi selon son besoin."
  static let transitionsPro =
    "Salarié ayant un projet de reconversion : Transitions Pro (projet de transition professionnelle)."
  static let cio =
    "Élève ou étudiant : le CIO conseille sur l'orientation scolaire et les études."
  static let under16 =
    "Moins de 16 ans : scolarité obligatoire, le CIO conseille sur l'orientation scolaire."
  static let schoolOrientation =
    "Question d'orientation scolaire ou d'études : le CIO conseille les élèves, les étudiants et leurs familles."
  static let selfEmployed =
    "Indépendant : le conseil en évolution professionnelle des actifs est assuré par l'opérateur habilité par la Région."
  static let employee =
    "Salarié : le conseil en évolution professionnelle des actifs est assuré par l'opérateur habilité par la Région."

  public static let rules: [RoutingRule] = {
    var rules: [RoutingRule] = []
    func add(
      _ kind: OperatorKind, _ reason: String, public category: PublicCategory? = nil,
      age: AgeBand? = nil, request: RequestKind? = nil
    ) {
      rules.append(
        RoutingRule(
          position: (rules.count + 1) * 10, publicCategory: category, ageBand: age,
          requestKind: request, operatorKind: kind, reason: reason))
    }
    add(.capEmploi, capEmploi, public: .disability)
    add(.missionLocale, missionLocale, public: .earlySchoolLeaver)
    for category in [PublicCategory.jobSeeker, .employee, .selfEmployed, .other, .notSaid] {
      add(.missionLocale, youngAdult, public: category, age: .from16to25)
    }
    add(.apec, apec, public: .cadre)
    add(.cio, cio, public: .initialEducation)
    add(.cio, under16, age: .under16)
    add(.cio, schoolOrientation, request: .schoolOrientation)
    add(.franceTravail, franceTravail, public: .jobSeeker)
    add(.franceTravail, disabledJobSeeker, public: .disability, request: .jobSearch)
    add(.transitionsPro, transitionsPro, public: .employee, request: .careerChange)
    add(.regionAccredited, selfEmployed, public: .selfEmployed)
    add(.regionAccredited, employee, public: .employee)
    return rules
  }()
}
