import Foundation
import GuichetCore
import Testing

@testable import GuichetUI

/// The administration screens through the app reducer with fake data: « O » from home, filters, forms
/// refusing bad input in French with nothing sent, a write closing its form and reloading the list,
/// confirmations before deactivating or removing, and snapshots at 80×24 and 100×30.
@Suite struct AdminScreenTests {
  static let structures = [
    OperatorStructure(
      id: 5, kind: .missionLocale, name: "Mission locale de Chambéry", address: "12 rue Sommeiller",
      postcode: "73000", city: "Chambéry", phone: "04 79 00 00 00", territoryIDs: [7]),
    OperatorStructure(
      id: 6, kind: .franceTravail, name: "France Travail Annecy", territoryIDs: [8]),
    OperatorStructure(id: 9, kind: .cio, name: "CIO Chambéry", territoryIDs: [7], isActive: false),
  ]
  static let advisor = Advisor(id: 3, structureID: 5, displayName: "Claire Martin")
  static let rule = OpeningRule(
    id: 11, advisorID: 3, weekdays: [.monday, .tuesday, .thursday], start: TimeOfDay(hour: 9)!,
    end: TimeOfDay(hour: 12)!, slotMinutes: 45, place: .onSite,
    validFrom: LocalDate(year: 2026, month: 11, day: 2)!)
  static let absence = Absence(
    id: 4, advisorID: 3, from: LocalDate(year: 2026, month: 12, day: 24)!,
    through: LocalDate(year: 2026, month: 12, day: 31)!)
  static let routing = [
    RoutingRule(
      id: 1, position: 10, publicCategory: .earlySchoolLeaver, operatorKind: .missionLocale,
      reason: "Jeune sorti du système scolaire : la Mission locale l'accompagne."),
    RoutingRule(
      id: 2, position: 20, requestKind: .careerChange, territoryID: 8,
      operatorKind: .transitionsPro, reason: "Salarié en reconversion.", isActive: false),
  ]

  static func openAdmin(size: Size = Size(width: 80, height: 24)) -> AppState {
    var app = Fixture.app(size: size, as: .administrator)
    #expect(Fixture.send([.char("o")], to: &app) == [.admin(.loadStructures)])
    _ = App.reduce(&app, .admin(.structuresLoaded(structures)))
    return app
  }

  static func top<T>(_ app: AppState, _ pick: (AdminScreen) -> T?) -> T? {
    guard case .admin(let admin) = app.top else { return nil }
    return pick(admin)
  }

  static func list(_ app: AppState) -> AdminStructuresScreen.State? {
    top(app) { if case .structures(let s) = $0 { s } else { nil } }
  }

  static func form(_ app: AppState) -> AdminFormScreen.State? {
    top(app) { if case .form(let s) = $0 { s } else { nil } }
  }

  static let chamberyMatch = TerritoryMatch(
    territory: Territory(id: 7, name: "Chambéry"), matchedBy: nil, rank: 1)
  static let annecyMatch = TerritoryMatch(
    territory: Territory(id: 8, name: "Annecy"), matchedBy: "commune Annecy", rank: 0,
    source: .commune)

  static func found(_ query: String, _ matches: [TerritoryMatch], _ app: inout AppState) {
    _ = App.reduce(&app, .feature(TerritorySearchEvent.found(query: query, matches)))
  }

  @Test func structuresFilterByKindAndTerritory() {
    var app = Self.openAdmin()
    #expect(Self.list(app)?.shown.count == 3)
    Fixture.send([.char("t")], to: &app)
    #expect(Self.list(app)?.kind == .franceTravail)
    #expect(Self.list(app)?.shown.map(\.id) == [6])
    Fixture.send([.char("t"), .char("z")], to: &app)
    #expect(Self.list(app)?.kind == .missionLocale)
    #expect(Self.list(app)?.territoryPicker != nil)
    // Part of a commune, bassin or territory name asks the store; its best matches come first.
    #expect(
      Fixture.send(Fixture.chars("ann"), to: &app).last
        == .feature(TerritorySearchRequest(query: "ann")))
    Self.found("ann", [Self.annecyMatch], &app)
    Fixture.send([.enter], to: &app)
    #expect(Self.list(app)?.territoryPicker == nil)
    #expect(Self.list(app)?.territoryID == 8)
    #expect(Self.list(app)?.shown.isEmpty == true)
    Fixture.send([.char("z")] + Fixture.chars("cham"), to: &app)
    Self.found("cham", [Self.chamberyMatch, Self.annecyMatch], &app)
    Fixture.send([.enter], to: &app)
    #expect(Self.list(app)?.territoryID == 7)
    #expect(Self.list(app)?.shown.map(\.id) == [5])
    // Entrée with nothing typed: every territory again.
    Fixture.send([.char("z"), .enter], to: &app)
    #expect(Self.list(app)?.territoryID == nil)
    #expect(Self.list(app)?.shown.map(\.id) == [5])
  }

  @Test func territoryPickerEscapeKeepsTheFilterAndStaysOnTheList() {
    var app = Self.openAdmin()
    Fixture.send([.char("z")] + Fixture.chars("cham"), to: &app)
    Self.found("cham", [Self.chamberyMatch], &app)
    Fixture.send([.enter], to: &app)
    #expect(Self.list(app)?.territoryID == 7)
    Fixture.send([.char("z")] + Fixture.chars("ann"), to: &app)
    Self.found("an", [Self.chamberyMatch], &app)
    #expect(Self.list(app)?.territoryPicker?.matches == [], "an older answer is dropped")
    Fixture.send([.backspace, .backspace, .backspace, .down, .escape], to: &app)
    #expect(Self.list(app)?.territoryPicker == nil, "Échap closes the picker")
    #expect(Self.list(app)?.territoryID == 7, "and keeps the filter")
    #expect(Self.list(app) != nil, "without leaving the structures list")
  }

  @Test func territoryPickerSnapshot() {
    var app = Self.openAdmin(size: Size(width: 80, height: 24))
    Fixture.send([.char("z")] + Fixture.chars("c"), to: &app)
    Self.found("c", [Self.chamberyMatch, Self.annecyMatch], &app)
    #expect(snapshotMismatch(App.render(app), named: "admin-territory-picker-80x24") == nil)
  }

  @Test func aBadFormSaysWhyInFrenchAndSendsNothing() {
    var app = Self.openAdmin()
    Fixture.send([.char("n")], to: &app)
    #expect(Self.form(app)?.kind == .structure(nil))
    #expect(Fixture.send([.function(2)], to: &app) == [.none])
    #expect(Self.form(app)?.error == "Indiquez le nom de la structure.")
    Fixture.send(
      [.right, .tab] + Fixture.chars("ML Essai") + [.tab, .tab] + Fixture.chars("730"), to: &app)
    #expect(Fixture.send([.function(2)], to: &app) == [.none])
    #expect(Self.form(app)?.error == "Le code postal a 5 chiffres (reçu « 730 »).")
    Fixture.send(Fixture.chars("00") + [.tab, .tab, .tab, .tab] + Fixture.chars("Lyon"), to: &app)
    Fixture.send([.function(2)], to: &app)
    #expect(
      Self.form(app)?.error
        == "Territoire inconnu « Lyon » : tapez une partie du nom d'une commune, d'un bassin ou d'un territoire."
    )
    Fixture.send([.delete] + Fixture.chars("chambery, 8"), to: &app)
    let expected = OperatorStructure(
      kind: .missionLocale, name: "ML Essai", postcode: "73000", territoryIDs: [7, 8])
    #expect(Fixture.send([.function(2)], to: &app) == [.admin(.write(.structure(expected)))])
    #expect(Self.form(app)?.saving == true)
  }

  /// At 80 columns every hint of the structure form is read whole beside its field.
  @Test func theStructureFormsHintsFitAt80Columns() {
    var app = Self.openAdmin()
    Fixture.send([.char("n")], to: &app)
    let text = App.render(app).text
    for field in Self.form(app)?.fields.fields ?? [] where !field.hint.isEmpty {
      #expect(text.contains(field.hint), "\(field.label) : \(field.hint)")
    }
  }

  /// The form checks a structure's phone and e-mail with the person-contact rules (the store does too).
  @Test func theStructureFormRefusesABadPhoneOrEmail() {
    var app = Self.openAdmin()
    Fixture.send([.char("n")], to: &app)
    Fixture.send(
      [.tab] + Fixture.chars("CIO Essai") + [.tab, .tab, .tab, .tab] + Fixture.chars("abc"),
      to: &app)
    #expect(Fixture.send([.function(2)], to: &app) == [.none])
    #expect(Self.form(app)?.error?.hasPrefix("Numéro de téléphone invalide") == true)
    Fixture.send([.delete, .tab] + Fixture.chars("pas un mail"), to: &app)
    #expect(Fixture.send([.function(2)], to: &app) == [.none])
    #expect(
      Self.form(app)?.error
        == "Adresse électronique invalide : elle doit ressembler à prenom.nom@exemple.fr.")
  }

  @Test func aWriteClosesTheFormAndReloadsTheListOnTheNewRow() {
    var app = Self.openAdmin()
    Fixture.send([.char("n")], to: &app)
    let added = OperatorStructure(kind: .cio, name: "CIO Chambéry")
    #expect(
      App.reduce(
        &app, .admin(.written(.structure(added), message: "Structure ajoutée : CIO Chambéry.")))
        == .admin(.loadStructures))
    #expect(app.message?.text == "Structure ajoutée : CIO Chambéry.")
    #expect(Self.list(app)?.selected?.id == 5)
    _ = App.reduce(&app, .admin(.structuresLoaded(Self.structures)))
    #expect(Self.list(app)?.selected?.id == 9, "the new row is selected")
    Fixture.send([.up, .char("m"), .down] + Fixture.chars(" — antenne de la vallée"), to: &app)
    let tail = FormFields.tail("France Travail Annecy — antenne de la vallée_", width: 20)
    #expect(tail == "…tenne de la vallée_")
    let row = App.render(app).text.split(separator: "\n").first { $0.hasPrefix(" Nom") }
    #expect(row?.contains("…") == true && row?.contains("Annecy — antenne de la vallée_") == true)
    Fixture.send(Array(repeating: .backspace, count: 23), to: &app)
    #expect(
      Self.form(app)?.fields.fields.map(\.shown) == [
        "‹ France Travail ›", "France Travail Annecy", "", "", "", "", "", "Annecy",
      ])
  }

  @Test func aRefusedWriteKeepsEverythingTyped() {
    var app = Self.openAdmin()
    Fixture.send([.enter], to: &app)
    _ = App.reduce(&app, .admin(.advisorsLoaded(structureID: 5, [])))
    Fixture.send([.char("n")] + Fixture.chars("Paul Roux"), to: &app)
    #expect(
      Fixture.send([.function(2)], to: &app) == [
        .admin(.write(.advisor(Advisor(structureID: 5, displayName: "Paul Roux"))))
      ])
    _ = App.reduce(&app, .admin(.failed(UserError("La structure de ce conseiller n'existe plus."))))
    #expect(Self.form(app)?.error == "La structure de ce conseiller n'existe plus.")
    #expect(Self.form(app)?.saving == false)
    #expect(Self.form(app)?.fields.fields[0].text == "Paul Roux")
    #expect(app.message?.isError == true)
  }

  @Test func deactivatingAndRemovingAskForO() {
    var app = Self.openAdmin()
    #expect(Fixture.send([.char("d")], to: &app) == [.none])
    #expect(Self.list(app)?.confirming == true)
    #expect(Fixture.send([.escape], to: &app) == [.none], "Échap answers no and stays")
    #expect(Self.list(app)?.confirming == false)
    var inactive = Self.structures[0]
    inactive.isActive = false
    #expect(
      Fixture.send([.char("d"), .char("o")], to: &app).last == .admin(.write(.structure(inactive))))

    #expect(Fixture.send([.enter], to: &app) == [.admin(.loadAdvisors(structureID: 5))])
    _ = App.reduce(&app, .admin(.advisorsLoaded(structureID: 5, [Self.advisor])))
    #expect(Fixture.send([.char("r"), .char("n")], to: &app) == [.none, .none])
    #expect(
      Fixture.send([.char("r"), .char("O")], to: &app).last
        == .admin(.write(.removeAdvisor(Self.advisor))))
  }

  @Test func openingRulesAndAbsencesAreEditedAndDeleted() {
    var app = Self.openAdmin()
    Fixture.send([.enter], to: &app)
    _ = App.reduce(&app, .admin(.advisorsLoaded(structureID: 5, [Self.advisor])))
    #expect(Fixture.send([.enter], to: &app) == [.admin(.loadAvailability(advisorID: 3))])
    _ = App.reduce(&app, .admin(.availabilityLoaded(advisorID: 3, [Self.rule], [Self.absence])))
    Fixture.send([.char("m")], to: &app)
    #expect(
      Self.form(app)?.fields.fields.map(\.text).prefix(4) == [
        "lun,mar,jeu", "09:00", "12:00", "45",
      ])
    Fixture.send([.tab, .tab, .tab, .delete] + Fixture.chars("500"), to: &app)
    Fixture.send([.function(2)], to: &app)
    #expect(
      Self.form(app)?.error
        == "La durée d'un rendez-vous doit être comprise entre 5 et 480 minutes.")
    Fixture.send(
      [.delete] + Fixture.chars("30") + [.down, .right, .down] + Fixture.chars("6"), to: &app)
    var changed = Self.rule
    changed.slotMinutes = 30
    changed.place = .phone
    changed.groupCapacity = 6
    #expect(Fixture.send([.function(2)], to: &app) == [.admin(.write(.openingRule(changed)))])
    _ = App.reduce(
      &app, .admin(.written(.openingRule(changed), message: "Plage d'ouverture modifiée.")))
    #expect(
      Fixture.send([.down, .char("s"), .char("o")], to: &app).last
        == .admin(.write(.deleteAbsence(Self.absence))))
    Fixture.send(
      [.char("a"), .delete] + Fixture.chars("02/03/2027 14:00") + [.tab, .delete]
        + Fixture.chars("02/03/2027 17h"), to: &app)
    let afternoon = Absence(
      advisorID: 3,
      startsAt: LocalClock.instant(LocalDate(year: 2027, month: 3, day: 2)!, TimeOfDay(hour: 14)!)!,
      endsAt: LocalClock.instant(LocalDate(year: 2027, month: 3, day: 2)!, TimeOfDay(hour: 17)!)!,
      reason: .leave)
    #expect(Fixture.send([.function(2)], to: &app) == [.admin(.write(.absence(afternoon)))])
  }

  @Test func routingRulesAreAddedEditedAndDisabled() {
    var app = Self.openAdmin()
    #expect(Fixture.send([.char("g")], to: &app) == [.admin(.loadRouting)])
    _ = App.reduce(&app, .admin(.routingLoaded(Self.routing)))
    var disabled = Self.routing[0]
    disabled.isActive = false
    #expect(Fixture.send([.char("d")], to: &app) == [.admin(.write(.routingRule(disabled)))])
    Fixture.send([.down, .enter], to: &app)
    #expect(Self.form(app)?.fields.fields[4].shown == "‹ Annecy ›")
    #expect(Self.form(app)?.fields.fields[7].shown == "‹ Non ›")
    Fixture.send([.escape, .char("n")], to: &app)
    #expect(Self.form(app)?.fields.fields[0].text == "30")
    Fixture.send([.function(2)], to: &app)
    #expect(
      Self.form(app)?.error == "Indiquez la raison de l'orientation : elle est affichée à l'agent.")
    Fixture.send([.down, .down, .down, .down, .down, .down] + Fixture.chars("Pour tous"), to: &app)
    Fixture.send([.function(2)], to: &app)
    #expect(
      Self.form(app)?.error
        == "Une règle d'orientation doit porter sur un public, un âge ou une demande.")
    Fixture.send([.up, .up, .up, .up, .right], to: &app)
    let added = RoutingRule(
      position: 30, ageBand: AgeBand.allCases[0], operatorKind: .franceTravail, reason: "Pour tous")
    #expect(Fixture.send([.function(2)], to: &app) == [.admin(.write(.routingRule(added)))])
  }

  @Test(arguments: [(80, 24), (100, 30)])
  func snapshots(width: Int, height: Int) {
    let size = Size(width: width, height: height)
    var app = Self.openAdmin(size: size)
    #expect(snapshotMismatch(App.render(app), named: "admin-structures-\(width)x\(height)") == nil)
    Fixture.send([.enter], to: &app)
    _ = App.reduce(&app, .admin(.advisorsLoaded(structureID: 5, [Self.advisor])))
    Fixture.send([.enter], to: &app)
    _ = App.reduce(&app, .admin(.availabilityLoaded(advisorID: 3, [Self.rule], [Self.absence])))
    #expect(
      snapshotMismatch(App.render(app), named: "admin-availability-\(width)x\(height)") == nil)
    Fixture.send([.char("p"), .tab, .tab, .delete] + Fixture.chars("08:00"), to: &app)
    Fixture.send([.function(2)], to: &app)
    #expect(snapshotMismatch(App.render(app), named: "admin-rule-form-\(width)x\(height)") == nil)
    Fixture.send([.escape, .escape, .escape, .char("g")], to: &app)
    _ = App.reduce(&app, .admin(.routingLoaded(Self.routing)))
    #expect(snapshotMismatch(App.render(app), named: "admin-routing-\(width)x\(height)") == nil)
    Fixture.send([.function(1)], to: &app)
    #expect(
      snapshotMismatch(App.render(app), named: "admin-routing-help-\(width)x\(height)") == nil)
  }
}
