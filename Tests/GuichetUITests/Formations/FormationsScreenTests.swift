import Foundation
import GuichetCore
import Testing

@testable import GuichetUI

/// « Se former » through the app reducer: reached with F7 from the search, the métier fiche and the
/// certification fiche, loaded for the visit's territory, re-ranked for a commune typed there, the empty
/// states, and drawn at 80×24.
@Suite struct FormationsScreenTests {
  static let subject = TrainingSubject.rncp("RNCP4495")

  static func offers(
    _ subject: TrainingSubject, near origin: TrainingOrigin = .anywhere
  ) throws -> TrainingOffers {
    try FormationsClient.fake.sessions(subject, origin, 20_261_130)
  }

  static func searchApp() -> AppState {
    var app = Fixture.app()
    _ = App.reduce(&app, .key(.char("r")))
    Fixture.send(Fixture.chars("educ spe"), to: &app)
    _ = App.reduce(&app, .referenceFound(InformationScreenTests.results))
    return app
  }

  static func formations(_ app: AppState) -> FormationsScreen.State? {
    if case .formations(let state) = app.top { state } else { nil }
  }

  @Test func f7OnASearchHitOpensItsSessionsAndEscapeGoesBack() throws {
    var app = Self.searchApp()
    // The first hit is the métier K1207: its ROME code.
    let open = App.reduce(&app, .key(.function(7)))
    #expect(open == .feature(FormationsRequest.load(.rome("K1207"), near: .anywhere)))
    #expect(Self.formations(app)?.subject == .rome("K1207"))
    _ = App.reduce(&app, .key(.escape))
    guard case .search = app.top else {
      Issue.record("Échap goes back to the search")
      return
    }
    // The certification hit: its RNCP code.
    Fixture.send([.down, .down], to: &app)
    _ = App.reduce(&app, .key(.function(7)))
    #expect(Self.formations(app)?.subject == .rncp("RNCP34826"))
  }

  @Test func aStructureHitHasNoSessionsToOpen() {
    var app = Self.searchApp()
    Fixture.send([.down, .down, .down], to: &app)
    #expect(App.reduce(&app, .key(.function(7))) == .none)
    guard case .search = app.top else {
      Issue.record("F7 on a structure stays on the search")
      return
    }
    #expect(!App.hints(for: app.top, role: .agent).contains { $0.text == FormationsScreen.hint })
  }

  @Test func f7OnBothFichesOpensTheirSessions() {
    var app = Fixture.app()
    _ = App.resolveNavigation(&app, .navigate(.push(.occupation("J1501"))))
    #expect(App.hints(for: app.top, role: .agent).contains { $0.key == "F7" })
    _ = App.reduce(&app, .key(.function(7)))
    #expect(Self.formations(app)?.subject == .rome("J1501"))
    _ = App.resolveNavigation(&app, .navigate(.push(.certification("RNCP4495"))))
    _ = App.reduce(&app, .key(.function(7)))
    #expect(Self.formations(app)?.subject == .rncp("RNCP4495"))
    // The help of the fiche lists the key too.
    _ = App.reduce(&app, .key(.escape))
    let help = App.helpState(for: app.top, context: app.context)
    #expect(help.lines.contains { $0.key == "F7" && $0.text == "Se former" })
  }

  @Test func theLinkKeyIsNoneOfTheLinkedScreensOwnKeys() {
    let own =
      SearchScreen.bindings.flatMap(\.keys) + OccupationScreen.bindings.flatMap(\.keys)
      + CertificationScreen.bindings.flatMap(\.keys)
    #expect(!own.contains(FormationsScreen.key))
  }

  @Test func theVisitsTerritoryIsWhereSessionsAreRankedFrom() {
    var app = Fixture.app()
    var visit = Fixture.visit(id: 9, minutesAgo: 5, started: true)
    visit.territoryID = 7
    _ = App.reduce(&app, .serviceStarted(visit))
    let load = App.resolveNavigation(&app, .navigate(.push(.formations(Self.subject))))
    #expect(load == .feature(FormationsRequest.load(Self.subject, near: .territory(7))))
    #expect(Self.formations(app)?.originName == app.context.territoryName(7))
  }

  @Test func aCommuneTypedReranksAndStaleAnswersAreDropped() throws {
    var app = Fixture.app()
    _ = App.resolveNavigation(&app, .navigate(.push(.formations(Self.subject))))
    let effects = Fixture.send(Fixture.chars("cham"), to: &app)
    #expect(effects.last == .searchCommunes("cham"))
    let chambery = CommuneMatch(
      commune: Commune(inseeCode: "73065", name: "Chambéry", bassinCode: "8411"),
      territory: Territory(id: 7, name: "Chambéry"))
    _ = App.reduce(&app, .communesFound(query: "cham", matches: [chambery]))
    let reload = App.reduce(&app, .key(.enter))
    #expect(reload == .feature(FormationsRequest.load(Self.subject, near: .commune("73065"))))
    // The answer for the previous place is not shown for the new one.
    _ = App.reduce(
      &app,
      .feature(FormationsEvent.loaded(Self.subject, near: .anywhere, try Self.offers(Self.subject)))
    )
    #expect(Self.formations(app)?.offers == nil)
    let offers = try Self.offers(Self.subject, near: .commune("73065"))
    _ = App.reduce(
      &app, .feature(FormationsEvent.loaded(Self.subject, near: .commune("73065"), offers)))
    #expect(Self.formations(app)?.offers == offers)
    #expect(Self.formations(app)?.originName == "Chambéry")
  }

  @Test func enterOnACertificationOpensItsFiche() throws {
    var app = Fixture.app()
    _ = App.resolveNavigation(&app, .navigate(.push(.formations(.rome("J1501")))))
    _ = App.reduce(
      &app,
      .feature(
        FormationsEvent.loaded(.rome("J1501"), near: .anywhere, try Self.offers(.rome("J1501")))))
    Fixture.send([.tab], to: &app)
    #expect(App.reduce(&app, .key(.enter)) == .loadCertification("RNCP4495"))
    guard case .certification(let fiche) = app.top else {
      Issue.record("Entrée opens the certification fiche")
      return
    }
    #expect(fiche.code == "RNCP4495")
  }

  @Test func theRouteOpensAScreenItsFeatureTakesBack() {
    let app = Fixture.app()
    let screen = App.makeScreen(.formations(Self.subject), state: app)
    #expect(FormationsScreen.extract(screen).map(FormationsScreen.embed) == screen)
    #expect(String(describing: screen.feature) == "FormationsScreen")
  }

  @Test func withNothingImportedTheScreenSaysWhereTheFileComesFrom() {
    var app = Fixture.app()
    _ = App.resolveNavigation(&app, .navigate(.push(.formations(.rome("J1501")))))
    let none = TrainingOffers(
      subject: .rome("J1501"), subjectTitle: "Aide-soignant / Aide-soignante", imported: nil,
      sessions: [])
    _ = App.reduce(&app, .feature(FormationsEvent.loaded(.rome("J1501"), near: .anywhere, none)))
    let text = App.render(app).text
    #expect(text.contains("Carif-Oref"))
    #expect(text.contains("guichet import lheo"))
    if let mismatch = snapshotMismatch(App.render(app), named: "formations-none-80x24") {
      Issue.record(Comment(rawValue: mismatch))
    }
  }

  @Test func sessionsNearTheVisitor80x24() throws {
    var app = Fixture.app()
    var visit = Fixture.visit(id: 9, minutesAgo: 5, started: true)
    visit.territoryID = 7
    _ = App.reduce(&app, .serviceStarted(visit))
    _ = App.resolveNavigation(&app, .navigate(.push(.formations(Self.subject))))
    _ = App.reduce(
      &app,
      .feature(
        FormationsEvent.loaded(
          Self.subject, near: .territory(7), try Self.offers(Self.subject, near: .territory(7)))))
    let canvas = App.render(app)
    #expect(canvas.text.contains("du 04/01/2027 au 17/12/2027"))
    #expect(canvas.text.contains("IFSI du Centre hospitalier, Chambéry (73000) · même territoire"))
    #expect(canvas.text.contains("F7") == false)
    // The certification's débouchés under it, as its fiche shows them.
    #expect(canvas.text.contains("Débouchés (InserJeunes, Auvergne-Rhône-Alpes) :"))
    #expect(canvas.text.contains("Apprentissage · millésime 2022-2023 · diplôme 56033102"))
    #expect(canvas.text.contains("Cohorte (année terminale) : 94 · sortants : 81"))
    #expect(
      canvas.text.contains("En emploi à 6 mois : 65 % · 12 mois : 70 % · 24 mois : pas encore"))
    #expect(canvas.text.contains("Source : DEPP-DARES – InserJeunes, Auvergne-Rhône-Alpes"))
    if let mismatch = snapshotMismatch(canvas, named: "formations-80x24") {
      Issue.record(Comment(rawValue: mismatch))
    }
  }

  /// A session whose certification has a secret school course, and one whose certification has no figures.
  static func secretOffers() -> TrainingOffers {
    let secret = DiplomaOutcome(
      diplomaCode: "50022139", mefCode: "23110022139", voie: .school, millesime: "2022_2023",
      cohort: 1, leavers: nil, employedAt6Months: .secret, employedAt12Months: .secret,
      employedAt24Months: .notYetMeasured, continuingStudies: .secret)
    func session(
      _ town: String, _ certification: TrainingCertification, uai: String? = nil,
      establishment: [EstablishmentOutcome] = []
    ) -> TrainingSession {
      TrainingSession(
        formationTitle: "CAP Cuisine", organisation: "Lycée hôtelier", siret: "19730000000033",
        placeName: nil, town: town, postcode: nil, inseeCode: nil, startDay: 20_290_915,
        endDay: 20_310_630, permanentEntry: false, certifications: [certification], romeCodes: [],
        publicCodes: [], fundingCodes: [], uai: uai, establishmentOutcomes: establishment,
        proximity: nil)
    }
    return TrainingOffers(
      subject: .rncp("RNCP26650"), subjectTitle: "Cuisine",
      imported: .init(fileName: "offres.xml", day: "2026-11-30", sessionCount: 2),
      sessions: [
        session(
          "Chambéry", TrainingCertification(code: "RNCP26650", title: "Cuisine", outcomes: [secret])
        ),
        session("Grenoble", TrainingCertification(code: "RNCP99999", title: nil), uai: "0389999Z"),
        session(
          "Chambéry", TrainingCertification(code: "RNCP26650", title: "Cuisine"), uai: "0731584A",
          establishment: [
            EstablishmentOutcome(
              uai: "0731584A", name: "CFA Panthera", kind: .cfa, population: .all,
              millesime: "2022_2023", continuingStudies: .secret, employedAt6Months: .secret,
              otherSituations: .secret, employmentRate: .secret, expectedRate: .secret,
              valueAdded: nil)
          ]),
      ])
  }

  @Test func aSecretFigureIsSaidSecretNeverZeroAndNoFiguresIsSaid() {
    var state = FormationsScreen.State(subject: .rncp("RNCP26650"))
    state.offers = Self.secretOffers()
    let text = FormationsScreen.document(state).map(\.plainText)
    #expect(
      text.contains(
        "    • En emploi à 6 mois : secret · 12 mois : secret · 24 mois : pas encore mesuré"))
    #expect(text.contains("    • Cohorte (année terminale) : 1 · sortants : non publié"))
    #expect(text.contains("    • Poursuite d'études : secret"))
    #expect(!text.contains { $0.contains("0 %") })
    #expect(
      text.contains("    « secret » : moins de 20 personnes, taux non publié (secret statistique).")
    )
    #expect(text.contains("    Source : DEPP-DARES – InserJeunes, Auvergne-Rhône-Alpes"))
    #expect(
      text.contains("    Débouchés : aucun chiffre InserJeunes pour ce diplôme dans la région."))
    // The establishments: a UAI with no figures is said; an establishment's secret figures stay secret.
    #expect(
      text.contains("    Dans cet établissement (UAI 0389999Z) : aucun chiffre InserJeunes publié.")
    )
    #expect(
      text.contains(
        "    Dans cet établissement : CFA Panthera (UAI 0731584A), tous ses diplômes, millésime 2022-2023 :"
      ))
    #expect(
      text.contains(
        "    • CFA (apprentissage), tous les sortants : poursuite d'études secret · en emploi à 6 mois secret · autres situations secret · taux d'emploi des sortants secret (attendu secret, valeur ajoutée secret)"
      ))
    #expect(text.contains("    « secret » : trop peu de sortants, chiffre non publié (nd)."))
    #expect(
      text.contains(
        "    Source : DEPP-DARES – InserJeunes par établissement, Auvergne-Rhône-Alpes"))
    // The first session names no UAI: nothing about an establishment.
    let first = FormationsScreen.document(state).prefix { $0.kind != .blank }
    #expect(!first.contains { $0.text.contains("établissement") })
  }

  @Test func noSessionLeftIsSaidWithTheSubjectsGender() {
    for (subject, words) in [
      (TrainingSubject.rncp("RNCP4495"), "pour cette certification"),
      (.rome("J1501"), "pour ce métier"),
    ] {
      var state = FormationsScreen.State(subject: subject)
      state.offers = TrainingOffers(
        subject: subject, subjectTitle: nil,
        imported: .init(fileName: "offres.xml", day: "2026-11-30", sessionCount: 0), sessions: [])
      #expect(
        FormationsScreen.document(state).map(\.text) == [
          "Aucune session à venir \(words) dans l'offre importée."
        ])
    }
  }

  @Test func theEstablishmentsFiguresSitBesideTheRegionalOnes80x24() throws {
    var app = Fixture.app()
    _ = App.resolveNavigation(&app, .navigate(.push(.formations(Self.subject))))
    _ = App.reduce(
      &app,
      .feature(
        FormationsEvent.loaded(Self.subject, near: .anywhere, try Self.offers(Self.subject))))
    // Down to the first session's débouchés: the regional figures, then the GRETA's.
    Fixture.send([.down, .down, .down], to: &app)
    let canvas = App.render(app)
    #expect(canvas.text.contains("Apprentissage · millésime 2022-2023 · diplôme 56033102"))
    #expect(canvas.text.contains("Dans cet établissement : Greta Savoie (UAI 0731302U)"))
    #expect(canvas.text.contains("sortants 72 % (attendu 72 %, valeur ajoutée 0 point)"))
    #expect(canvas.text.contains("InserJeunes par établissement, Auvergne-Rhône-Alpes"))
    if let mismatch = snapshotMismatch(canvas, named: "formations-establishment-80x24") {
      Issue.record(Comment(rawValue: mismatch))
    }
  }
}
