import Foundation
import GuichetCore
import Testing

@testable import GuichetUI

/// Reducer tests of the information screens, through the app reducer with fake results.
@Suite struct InformationScreenTests {
  static let educatorHit = ReferenceHit(
    kind: .occupation, code: "K1207", title: "Éducateur spécialisé / Éducatrice spécialisée")
  static let results = ReferenceResults(
    query: "educ spe",
    hits: [
      educatorHit,
      ReferenceHit(kind: .occupation, code: "K1208", title: "Moniteur éducateur"),
      ReferenceHit(
        kind: .certification, code: "RNCP34826", title: "DE d'éducateur spécialisé",
        subtitle: "niveau 6"),
      ReferenceHit(kind: .structure, code: "cio-73065-01", title: "CIO de Chambéry"),
    ], sources: [InformationFixture.rome, InformationFixture.rncp])

  @Test func typingSearchesAsYouTypeAndStaleResultsAreDropped() {
    var app = Fixture.app()
    Fixture.send([.char("r")], to: &app)
    guard case .search = app.top else {
      Issue.record("R opens the search")
      return
    }
    let effects = Fixture.send(Fixture.chars("educ spe"), to: &app)
    #expect(effects.first == .searchReference("e"))
    #expect(effects.last == .searchReference("educ spe"))
    #expect(effects[4] == .searchReference("educ "))
    _ = App.reduce(&app, .referenceFound(ReferenceResults(query: "educ", hits: [Self.educatorHit])))
    guard case .search(let stale) = app.top else { return }
    #expect(stale.hits.isEmpty)
    _ = App.reduce(&app, .referenceFound(Self.results))
    guard case .search(let search) = app.top else { return }
    #expect(search.hits.count == 4)
    #expect(search.selectedHit == Self.educatorHit)
  }

  @Test func enterOpensTheFicheAndEscapeGoesBack() {
    var app = Fixture.app()
    Fixture.send([.char("r")] + Fixture.chars("educ spe"), to: &app)
    _ = App.reduce(&app, .referenceFound(Self.results))
    let open = App.reduce(&app, .key(.enter))
    #expect(open == .loadOccupation("K1207", territoryID: nil))
    guard case .occupation(let fiche) = app.top else {
      Issue.record("Entrée opens the métier fiche")
      return
    }
    #expect(fiche.code == "K1207")
    #expect(App.screenTitle(app.top, context: app.context) == "Fiche métier K1207")
    _ = App.reduce(&app, .occupationLoaded(code: "K1208", nil))
    guard case .occupation(let unchanged) = app.top else { return }
    #expect(unchanged.fiche == nil && !unchanged.missing)
    _ = App.reduce(&app, .occupationLoaded(code: "K1207", InformationFixture.educator))
    guard case .occupation(let loaded) = app.top else { return }
    #expect(loaded.fiche == InformationFixture.educator)
    let back = App.reduce(&app, .key(.escape))
    #expect(back == .searchReference("educ spe"))
    guard case .search(let search) = app.top else {
      Issue.record("Échap goes back to the search")
      return
    }
    #expect(search.query == "educ spe")
    Fixture.send([.down, .down, .enter], to: &app)
    guard case .certification(let certification) = app.top else {
      Issue.record("a certification hit opens the certification fiche")
      return
    }
    #expect(certification.code == "RNCP34826")
  }

  @Test func aSearchThatFoundNothingIsNotedOnceWhenLeft() {
    var app = Fixture.app()
    Fixture.send([.char("r")] + Fixture.chars("dronistes"), to: &app)
    _ = App.reduce(&app, .referenceFound(ReferenceResults(query: "dronistes", hits: [])))
    #expect(App.reduce(&app, .key(.enter)) == .recordSearchMiss("dronistes"))
    let back = App.reduce(&app, .key(.escape))
    #expect(back == HomeScreen.loadEffect)
    // Leaving before the results came back notes nothing.
    Fixture.send([.char("r")] + Fixture.chars("xyz"), to: &app)
    #expect(App.reduce(&app, .key(.escape)) == HomeScreen.loadEffect)
  }

  @Test func consultationsFromANewVisitAreWrittenWithIt() {
    var app = Fixture.app()
    Fixture.send([.char("n"), .char("1"), .function(4)], to: &app)
    Fixture.send(Fixture.chars("educ spe"), to: &app)
    _ = App.reduce(&app, .referenceFound(Self.results))
    Fixture.send([.enter, .escape, .down, .down, .enter, .escape, .escape], to: &app)
    guard case .visitForm(var form) = app.top else {
      Issue.record("back on the visit form")
      return
    }
    #expect(
      form.consultations == [
        Consultation(kind: .occupation, code: "K1207"),
        Consultation(kind: .certification, code: "RNCP34826"),
      ])
    let save = App.reduce(&app, .key(.function(2)))
    guard case .save(var visit) = save else {
      Issue.record("F2 saves")
      return
    }
    visit.id = 42
    form.saving = true
    let saved = App.reduce(&app, .visitSaved(visit))
    #expect(
      saved
        == .batch([
          .recordConsultations(visitID: 42, form.consultations), .loadCounters,
        ]))
  }

  @Test func consultationsOfASavedVisitAreWrittenAtOnce() {
    var app = Fixture.app()
    let visit = Fixture.visit(id: 9, minutesAgo: 5, started: true)
    _ = App.reduce(&app, .serviceStarted(visit))
    Fixture.send([.function(4)] + Fixture.chars("educ spe"), to: &app)
    _ = App.reduce(&app, .referenceFound(Self.results))
    let open = App.reduce(&app, .key(.enter))
    #expect(
      open
        == .batch([
          .recordConsultations(visitID: 9, [Consultation(kind: .occupation, code: "K1207")]),
          .loadOccupation("K1207", territoryID: nil),
        ]))
  }

  @Test func nothingIsRecordedWithoutAVisit() {
    var app = Fixture.app()
    Fixture.send([.char("r")] + Fixture.chars("educ spe"), to: &app)
    _ = App.reduce(&app, .referenceFound(Self.results))
    #expect(App.reduce(&app, .key(.enter)) == .loadOccupation("K1207", territoryID: nil))
  }

  @Test func ficheLinksOpenWithTabAndEnter() {
    var state = OccupationScreen.State(code: "K1207", fiche: InformationFixture.educator)
    let context = Fixture.context
    _ = OccupationScreen.reduce(&state, .key(.tab), context: context)
    #expect(
      state.cursor.focusedLink(OccupationScreen.document(state)) == .certification("RNCP34826"))
    #expect(
      OccupationScreen.reduce(&state, .key(.enter), context: context)
        == .navigate(.push(.certification("RNCP34826"))))
    _ = OccupationScreen.reduce(&state, .key(.tab), context: context)
    #expect(state.cursor.focusedLink(OccupationScreen.document(state)) == .occupation("K1201"))
    _ = OccupationScreen.reduce(&state, .key(.char("i")), context: context)
    #expect(state.showInactive)
    #expect(OccupationScreen.document(state).contains { $0.link == .certification("RNCP4503") })
    _ = OccupationScreen.reduce(&state, .key(.end), context: context)
    #expect(state.cursor.top == OccupationScreen.document(state).count - 1)
    _ = OccupationScreen.reduce(&state, .key(.home), context: context)
    #expect(state.cursor.top == 0)
  }

  @Test func everyJobTitleShowsBothGenders() {
    let lines = OccupationScreen.document(
      OccupationScreen.State(code: "K1207", fiche: InformationFixture.educator)
    ).map(\.text)
    #expect(lines.contains("Éducateur spécialisé · Éducatrice spécialisée (principale)"))
    #expect(lines.contains("Éducateur de rue · Éducatrice de rue"))
    #expect(lines.contains("Pair-aidant (épicène) (peu usitée)"))
    #expect(
      lines.contains(
        "Transition démographique : métier lié au vieillissement de la population"))
  }

  @Test func labourNeedsTakeTheVisitTerritoryOrATypedCommune() {
    var app = Fixture.app()
    var visit = Fixture.visit(id: 9, minutesAgo: 5, started: true)
    visit.territoryID = 7
    _ = App.reduce(&app, .serviceStarted(visit))
    Fixture.send([.function(4)], to: &app)
    #expect(App.reduce(&app, .key(.function(5))) == .loadLabourNeeds(territoryID: 7))
    let shown = App.reduce(&app, .labourNeedsLoaded(territoryID: 7, InformationFixture.needs))
    #expect(
      shown == .recordConsultations(visitID: 9, [Consultation(kind: .labourNeeds, code: "7")]))
    let typed = Fixture.send(Fixture.chars("anne"), to: &app)
    #expect(typed.last == .searchCommunes("anne"))
    _ = App.reduce(
      &app,
      .communesFound(
        query: "anne",
        matches: [
          CommuneMatch(
            commune: Commune(inseeCode: "74010", name: "Annecy", bassinCode: "8414"),
            territory: Territory(id: 8, name: "Annecy"))
        ]))
    #expect(App.reduce(&app, .key(.enter)) == .loadLabourNeeds(territoryID: 8))
    guard case .labourNeeds(let needs) = app.top else { return }
    #expect(needs.territory == Territory(id: 8, name: "Annecy"))
    #expect(needs.communeName == "Annecy")
  }

  @Test func secretFiguresAreNeverZero() {
    let partly = BMOFigure(known: 540, hasSecret: true)
    #expect(LabourNeedsScreen.figure(partly) == "≥ 540")
    #expect(LabourNeedsScreen.figure(BMOFigure(hasSecret: true)) == "secret")
    #expect(LabourNeedsScreen.figure(BMOFigure(known: 0)) == "0")
    #expect(LabourNeedsScreen.share(BMOFigure(known: 400), of: partly) == "secret")
    #expect(LabourNeedsScreen.share(BMOFigure(known: 617), of: BMOFigure(known: 1234)) == "50 %")
  }

  @Test func structuresFilterByTypeAndZone() {
    var state = StructuresScreen.State(territory: Territory(id: 1, name: "Bourg-en-Bresse"))
    let structures = [
      OrientationStructure(
        id: "cio-1", name: "CIO de Bourg-en-Bresse", typeTag: "cio",
        typeLabel: "Centre d’information et d’orientation", city: "Bourg-en-Bresse",
        place: .territory),
      OrientationStructure(
        id: "ml-1", name: "Mission locale Bresse", typeTag: "mission_locale",
        typeLabel: "Mission locale", place: .departement),
      OrientationStructure(
        id: "ml-2", name: "Mission locale de Lyon", typeTag: "mission_locale",
        typeLabel: "Mission locale", place: .region),
    ]
    _ = StructuresScreen.reduce(
      &state,
      .loaded(
        StructureDirectory(
          territory: Territory(id: 1, name: "Bourg-en-Bresse"), structures: structures,
          source: InformationFixture.structures)), context: Fixture.context)
    #expect(state.visible.map(\.id) == ["cio-1", "ml-1"])
    _ = StructuresScreen.reduce(&state, .key(.tab), context: Fixture.context)
    #expect(state.visible.map(\.id) == ["cio-1", "ml-1", "ml-2"])
    _ = StructuresScreen.reduce(&state, .key(.right), context: Fixture.context)
    #expect(state.visible.map(\.id) == ["cio-1"])
    _ = StructuresScreen.reduce(&state, .key(.right), context: Fixture.context)
    #expect(state.visible.map(\.id) == ["ml-1", "ml-2"])
  }

  @Test func sourceLinesSayHowOld() {
    let context = Fixture.context
    #expect(
      SourceLine.text(InformationFixture.bmo, context: context)
        == "Source : France Travail – enquête BMO 2024 · données de 2024 (il y a 2 ans), importées le 18/11/2026"
    )
    #expect(
      SourceLine.text(InformationFixture.rome, context: context)
        == "Source : France Travail – ROME 4.0 (v4.60) · importées le 18/11/2026")
    #expect(
      SourceLine.text(InformationFixture.structures, context: context)
        == "Source : Service-Public.fr – annuaire (2019) · données de 2019 (il y a 7 ans), jeu fourni, chargé le 18/11/2026"
    )
    #expect(SourceLine.isOld(InformationFixture.structures, context: context))
    #expect(InformationFixture.salaries.vintage == "2017-2019")
  }

  @Test func helpListsTheSearchKeys() {
    var app = Fixture.app()
    Fixture.send([.char("r"), .function(1)], to: &app)
    guard case .help(let help) = app.top else {
      Issue.record("F1 opens the help")
      return
    }
    #expect(help.screenTitle == "Recherche")
    #expect(help.lines.contains { $0.key == "F5" })
  }

  static func document(_ fiche: CertificationFiche) -> [DocumentLine] {
    var state = CertificationScreen.State(code: fiche.code)
    _ = CertificationScreen.reduce(&state, .loaded(fiche), context: Fixture.context)
    return CertificationScreen.document(state)
  }

  @Test func certificationStatusIsJudgedOnToday() {
    let lines = Self.document(InformationFixture.deas)
    let status = lines.first { $0.text.hasPrefix("Statut") }
    #expect(status == DocumentLine(.warning, "Statut : expirée le 01/01/2024 · fiche publiée"))
    #expect(!lines.contains { $0.text.contains("Statut : active") })
    var valid = InformationFixture.deas
    valid.endDate = "2027-08-31"
    #expect(
      Self.document(valid).contains(
        DocumentLine(.text, "Statut : active jusqu'au 31/08/2027 · fiche publiée")))
    valid.isActive = false
    #expect(
      Self.document(valid).contains {
        $0.kind == .warning && $0.text.hasPrefix("Statut : inactive")
      })
    #expect(lines.contains { $0.text == "Remplacée par RNCP35830" && $0.link != nil })
    #expect(
      lines.map(\.text).contains(
        "Apprentissage : ouverte à l'apprentissage (kit apprentissage, 2023)"))
  }

  @Test func debouchesKeyJumpsToTheOutcomesOfEachVoie() {
    var state = CertificationScreen.State(code: "RNCP4495")
    _ = CertificationScreen.reduce(
      &state, .loaded(InformationFixture.deas), context: Fixture.context)
    #expect(state.cursor.top == 0)
    _ = CertificationScreen.reduce(&state, .key(.char("d")), context: Fixture.context)
    let lines = CertificationScreen.document(state)
    #expect(lines[state.cursor.top].text == "Débouchés (InserJeunes, Auvergne-Rhône-Alpes)")
    let section = lines[state.cursor.top...].map(\.text)
    #expect(section.contains("Apprentissage · millésime 2022-2023 · diplôme 56033102"))
    #expect(section.contains("Cohorte (année terminale) : 94 · sortants : 81"))
    #expect(
      section.contains(
        "En emploi à 6 mois : 65 % · 12 mois : 70 % · 24 mois : pas encore mesuré"))
    #expect(section.contains("Poursuite d'études : 14 %"))
    #expect(section.contains("Voie scolaire : aucun chiffre publié."))
    #expect(section.contains("Source : DEPP-DARES – InserJeunes, Auvergne-Rhône-Alpes"))
    #expect(!section.contains { $0.hasPrefix("« secret »") }, "no secret figure, no secret note")
  }

  @Test func secretOutcomesAreSaidSecretNeverZero() {
    let lines = Self.document(InformationFixture.capCuisine).map(\.text)
    let small = lines.firstIndex { $0.hasSuffix("MEF 23110022139") }
    #expect(small != nil)
    if let small {
      #expect(lines[small + 1] == "Cohorte (année terminale) : 1 · sortants : non publié")
      #expect(
        lines[small + 2]
          == "En emploi à 6 mois : secret · 12 mois : secret · 24 mois : pas encore mesuré")
      #expect(lines[small + 3] == "Poursuite d'études : secret")
    }
    #expect(!lines.contains { $0.contains(" 0 %") })
    #expect(
      lines.contains("« secret » : moins de 20 personnes, taux non publié (secret statistique)."))
    #expect(lines.contains("Cohorte (année terminale) : 1 437 · sortants : 899"))
  }

  @Test func occupationFicheIsTruthfulAndLinksTheDebouches() {
    var state = OccupationScreen.State(code: "J1501")
    _ = OccupationScreen.reduce(
      &state, .loaded(InformationFixture.aideSoignant), context: Fixture.context)
    let lines = OccupationScreen.document(state).map(\.text)
    #expect(!lines.contains { $0.contains("émergent") || $0.contains("Emploi Blanc") })
    #expect(lines.contains("Transition écologique : pas directement concerné"))
    #expect(!lines.contains { $0.contains("guichet import") })
    #expect(
      lines.contains(
        "Ce texte vient des fichiers officiels du ROME (France Travail), qui ne sont pas livrés avec Guichet : un administrateur peut les importer."
      ))
    #expect(lines.contains("Savoie · Aides-soignants (V0Z) : tension très forte (5 sur 5)"))
    #expect(
      lines.contains(
        "Source : DARES – Les tensions sur le marché du travail (2019), via la table ROME → FAP2009"
      ))
    _ = OccupationScreen.reduce(&state, .key(.char("d")), context: Fixture.context)
    let document = OccupationScreen.document(state)
    #expect(
      document[state.cursor.top].text
        == "Débouchés (InserJeunes, Auvergne-Rhône-Alpes) des certifications liées")
    _ = OccupationScreen.reduce(&state, .key(.tab), context: Fixture.context)
    #expect(
      OccupationScreen.reduce(&state, .key(.enter), context: Fixture.context)
        == .navigate(.push(.certification("RNCP4495"))))
  }

  @Test func aFicheOpenedDuringAVisitReadsTheVisitTerritory() {
    var app = Fixture.app()
    var visit = Fixture.visit(id: 9, minutesAgo: 5, started: true)
    visit.territoryID = 7
    _ = App.reduce(&app, .serviceStarted(visit))
    Fixture.send([.function(4)] + Fixture.chars("educ spe"), to: &app)
    _ = App.reduce(&app, .referenceFound(Self.results))
    let open = App.reduce(&app, .key(.enter))
    guard case .batch(let effects) = open else {
      Issue.record("the fiche is loaded and recorded: \(open)")
      return
    }
    #expect(effects.contains(.loadOccupation("K1207", territoryID: 7)))
  }
}
