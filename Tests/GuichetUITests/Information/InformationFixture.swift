import Foundation
import GuichetCore
import GuichetUI

/// Fixed reference data for the information screens: a fake but realistic fiche, its sources and a BMO table.
enum InformationFixture {
  static let imported = Date(timeIntervalSince1970: 1_795_000_000)  // 18/11/2026

  static let rome = DataSource(
    name: "rome", source: "France Travail – ROME 4.0 (v4.60)", version: "v4.60",
    importedAt: imported)
  static let salaries = DataSource(
    name: "salaries", source: "DARES – Portrait statistique des métiers",
    version: "2003-2005, 2017-2019", importedAt: imported)
  static let rncp = DataSource(
    name: "rncp", source: "France compétences – RNCP (export 2021)", version: "v1.4",
    importedAt: imported)
  static let bmo = DataSource(
    name: "bmo", source: "France Travail – enquête BMO 2024", version: "2024", importedAt: imported)
  static let structures = DataSource(
    name: "structures", source: "Service-Public.fr – annuaire (2019)", version: "2019",
    importedAt: imported, bundled: true)

  static let educator = OccupationFiche(
    code: "K1207", title: "Éducateur spécialisé / Éducatrice spécialisée",
    grandDomain: CodeLabel(code: "K", label: "Services à la personne et à la collectivité"),
    domain: CodeLabel(code: "K12", label: "Action sociale, socio-éducative et socio-culturelle"),
    definition: [
      "L’éducateur spécialisé est un travailleur social qui conçoit, conduit et coordonne des démarches de soutien et d’accompagnement des personnes en situation de vulnérabilité.",
      "Réalise un diagnostic socio-éducatif de la personne ou du groupe",
    ],
    access: ["Cet emploi est accessible avec un Diplôme d'État d'éducateur spécialisé (DEES)."],
    textsImported: true,
    jobTitles: [
      JobTitle(
        masculine: "Éducateur spécialisé", feminine: "Éducatrice spécialisée", isMain: true),
      JobTitle(masculine: "Éducateur de rue", feminine: "Éducatrice de rue"),
      JobTitle(masculine: "Intervenant éducatif", feminine: "Intervenante éducative"),
      JobTitle(masculine: "Travailleur social", feminine: "Travailleuse sociale"),
      JobTitle(masculine: "Pair-aidant", feminine: "Pair-aidant", rarelyUsed: true),
    ],
    flags: OccupationFlags(
      regulated: false, cadre: false, ecologicalTransition: "Emploi Blanc",
      digitalTransition: false, demographicTransition: true),
    certifications: [
      CertificationSummary(
        code: "RNCP34826", title: "Diplôme d'État d'éducateur spécialisé", level: 6,
        typeLabel: "Diplôme d'État", isActive: true),
      CertificationSummary(
        code: "RNCP4503", title: "Moniteur éducateur", level: 4, typeLabel: "Diplôme d'État",
        isActive: false),
    ],
    neighbours: [
      CodeLabel(code: "K1201", label: "Action sociale"),
      CodeLabel(code: "K1102", label: "Aide aux bénéficiaires d'une mesure de protection"),
    ],
    related: [CodeLabel(code: "K1208", label: "Moniteur éducateur / Monitrice éducatrice")],
    interests: [
      Interest(label: "J'ai la fibre sociale", isMain: true),
      Interest(label: "Je veux aider les autres", isMain: false),
    ],
    salaries: [
      SalaryFigure(
        familyCode: "V4Z", familyLabel: "Professionnels de l'action sociale et de l'orientation",
        period: "2017-2019", monthlyNet: 1800)
    ],
    sources: [rome, rncp, salaries])

  static let needs = LabourNeeds(
    territory: Territory(id: 7, name: "Chambéry"),
    bassins: [Bassin(code: "8215", name: "CHAMBERY")],
    year: 2024,
    needs: [
      LabourNeed(
        fapCode: "T4X60", label: "Agents d'entretien de locaux",
        familyLabel: "Autres techniciens et employés",
        recruitments: BMOFigure(known: 1234), difficult: BMOFigure(known: 617),
        seasonal: BMOFigure(known: 123)),
      LabourNeed(
        fapCode: "S2X40", label: "Aides-soignants",
        familyLabel: "Fonctions sociales et médico-sociales",
        recruitments: BMOFigure(known: 540, hasSecret: true), difficult: BMOFigure(known: 400),
        seasonal: BMOFigure(known: 0, hasSecret: true)),
      LabourNeed(
        fapCode: "A0X40", label: "Agriculteurs", familyLabel: "Autres métiers",
        recruitments: BMOFigure(known: 0, hasSecret: true), difficult: BMOFigure(hasSecret: true),
        seasonal: BMOFigure(hasSecret: true)),
    ],
    total: BMOFigure(known: 1774, hasSecret: true), source: bmo)

  static let inserjeunes = DataSource(
    name: "inserjeunes", source: "DEPP-DARES – InserJeunes", version: "2022-2023",
    importedAt: imported, bundled: true)

  /// The DEAS of 2007 as the store reads it: active in the 2021 export, valid until 01/01/2024, figures for
  /// apprenticeship only.
  static let deas = CertificationFiche(
    code: "RNCP4495", title: "Diplôme d'Etat d'aide-soignant", level: 3,
    typeLabel: "Diplôme d'Etat", isActive: true, status: "Publiée", endDate: "2024-01-01",
    nsfDomains: [CodeLabel(code: "331", label: "Santé")],
    occupations: [CodeLabel(code: "J1501", label: "Aide-soignant / Aide-soignante")],
    nextCodes: ["RNCP35830"], sources: [rncp, inserjeunes], outcomes: [deasApprentices],
    openToApprenticeship: true)

  static let deasApprentices = DiplomaOutcome(
    diplomaCode: "56033102", voie: .apprenticeship, millesime: "2022_2023", cohort: 94,
    leavers: 81, employedAt6Months: .percent(65), employedAt12Months: .percent(70),
    employedAt24Months: .notYetMeasured, continuingStudies: .percent(14))

  /// CAP Cuisine: both voies, and a one-year school course too small to publish.
  static let capCuisine = CertificationFiche(
    code: "RNCP26650", title: "Cuisine", level: 3,
    typeLabel: "Certificat d'aptitude professionnelle", isActive: true, endDate: "2024-01-01",
    sources: [rncp, inserjeunes],
    outcomes: [
      DiplomaOutcome(
        diplomaCode: "50022139", voie: .apprenticeship, millesime: "2022_2023", cohort: 1437,
        leavers: 899, employedAt6Months: .percent(63), employedAt12Months: .percent(69),
        employedAt24Months: .notYetMeasured, continuingStudies: .percent(37)),
      DiplomaOutcome(
        diplomaCode: "50022139", mefCode: "23220022139", voie: .school, millesime: "2022_2023",
        cohort: 506, leavers: 227, employedAt6Months: .percent(40),
        employedAt12Months: .percent(45), employedAt24Months: .notYetMeasured,
        continuingStudies: .percent(55)),
      DiplomaOutcome(
        diplomaCode: "50022139", mefCode: "23110022139", voie: .school, millesime: "2022_2023",
        cohort: 1, leavers: nil, employedAt6Months: .secret, employedAt12Months: .secret,
        employedAt24Months: .notYetMeasured, continuingStudies: .secret),
    ])

  /// The aide-soignant fiche without the ROME texts, with its tension in Savoie and the DEAS débouchés.
  static let aideSoignant = OccupationFiche(
    code: "J1501", title: "Aide-soignant / Aide-soignante",
    grandDomain: CodeLabel(code: "J", label: "Santé"),
    domain: CodeLabel(code: "J15", label: "Soins paramédicaux"),
    jobTitles: [JobTitle(masculine: "Aide-soignant", feminine: "Aide-soignante", isMain: true)],
    flags: OccupationFlags(
      regulated: true, cadre: false, ecologicalTransition: "Emploi Blanc",
      digitalTransition: false, demographicTransition: true),
    certifications: [
      CertificationSummary(
        code: "RNCP4495", title: "Diplôme d'Etat d'aide-soignant", level: 3, isActive: true)
    ],
    salaries: [
      SalaryFigure(
        familyCode: "V0Z", familyLabel: "Aides-soignants", period: "2017-2019", monthlyNet: 1600)
    ],
    sources: [rome, rncp, salaries, inserjeunes],
    outcomes: [
      CertificationOutcomes(
        code: "RNCP4495", title: "Diplôme d'Etat d'aide-soignant", outcomes: [deasApprentices])
    ],
    tensions: [
      HiringTension(
        familyCode: "V0Z", familyLabel: "Aides-soignants", area: "Savoie", year: 2019, category: 5)
    ])

  static func app(size: Size = Size(width: 80, height: 24)) -> AppState {
    Fixture.app(size: size)
  }
}
