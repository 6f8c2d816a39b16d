import Foundation
import GuichetCore
import Testing

@testable import GuichetUI

@Suite struct VisitFormTests {
  @Test func defaultVisitTakesThreeKeystrokesFromHome() {
    var app = Fixture.app()
    let effects = Fixture.send([.char("n"), .char("1"), .function(2)], to: &app)
    guard case .save(let visit) = effects.last else {
      Issue.record("expected a save effect, got \(effects)")
      return
    }
    #expect(visit.requestKinds == [.jobInformation])
    #expect(visit.outcome == .information)
    #expect(visit.publicCategory == .notSaid)
    #expect(visit.territoryID == nil)
    #expect(visit.closedAt == Fixture.now)
    #expect(visit.deskID == Fixture.workplace.deskID)
  }

  /// On a phone request, Canal is the last field: Maj+Tab from the first reaches it, Tab from it comes back.
  @Test func tabAndMajTabWrapAroundTheForm() {
    var app = Fixture.app()
    Fixture.send([.char("n")], to: &app)
    guard case .visitForm(let opened) = app.top else {
      Issue.record("form should open")
      return
    }
    #expect(opened.focus == opened.activeFields.first)
    Fixture.send([.backTab], to: &app)
    guard case .visitForm(let last) = app.top else { return }
    #expect(last.focus == last.activeFields.last)
    #expect(last.focus == .channel)
    Fixture.send([.tab], to: &app)
    guard case .visitForm(let first) = app.top else { return }
    #expect(first.focus == first.activeFields.first)
  }

  @Test func fullyCodedVisitWithinEightKeystrokes() {
    var app = Fixture.app()
    // N, request 5 (Reconversion), Enter, public 6 (Indépendant), age 3 (26-44), Enter (territory skipped), 3 (Orientation), F2
    let effects = Fixture.send(
      [.char("n"), .char("5"), .enter, .char("6"), .char("3"), .enter, .char("3"), .function(2)],
      to: &app)
    guard case .save(let visit) = effects.last else {
      Issue.record("expected a save effect, got \(effects)")
      return
    }
    #expect(visit.requestKinds == [.careerChange])
    #expect(visit.publicCategory == .selfEmployed)
    #expect(visit.ageBand == .from16to25)
    #expect(visit.outcome == .referral)
  }

  /// The form is its field table: every field is drawn with its label, and every option of every coded
  /// field, picked on screen, lands in the visit and reads back as its label.
  @Test func everyFieldOfTheTableIsDrawnAndEveryOptionReachesTheVisit() {
    var app = Fixture.app()
    _ = Fixture.send([.char("n")], to: &app)
    guard case .visitForm(let form) = app.top else {
      Issue.record("expected the visit form, got \(app.top)")
      return
    }
    let screen = App.render(app).text
    for field in VisitFormScreen.Field.all {
      #expect(screen.contains(field.label), "\(field) not drawn")
    }
    for field in VisitFormScreen.Field.all where !field.options.isEmpty {
      for option in field.options {
        var state = form
        state.focus = field
        VisitFormScreen.choose(option, in: field, &state, toggle: false)
        #expect(field.chosen(state.visit).contains(option.code), "\(field) \(option.code)")
        #expect(
          VisitFormScreen.value(of: field, state, context: app.context).contains(option.label),
          "\(field) \(option.code)")
        #expect(VisitFormScreen.isSelected(option, state))
      }
    }
  }

  @Test func aBusyFileKeepsTheFormAndEnterRetriesTheSameSave() {
    var app = Fixture.app()
    let effects = Fixture.send([.char("n"), .char("1"), .function(2)], to: &app)
    guard case .save(let sent) = effects.last else {
      Issue.record("expected a save effect, got \(effects)")
      return
    }
    _ = App.reduce(
      &app,
      .failed(
        UserError(
          "Enregistrement de la visite impossible : base occupée par un autre poste, réessayez.",
          retryable: true)))
    guard case .visitForm(let form) = app.top else {
      Issue.record("the form should stay on screen")
      return
    }
    #expect(form.visit.requestKinds == [.jobInformation])
    #expect(form.error == VisitFormScreen.busyMessage)
    #expect(App.render(app).text.contains("Entrée pour réessayer"))
    #expect(Fixture.send([.enter], to: &app) == [.save(sent)])
    _ = App.reduce(&app, .visitSaved(sent))
    #expect(app.message?.text.contains("clôturée") == true)
  }

  @Test func aFailureThatIsNotBusyOffersNoRetry() {
    var app = Fixture.app()
    Fixture.send([.char("n"), .char("1"), .function(2)], to: &app)
    _ = App.reduce(
      &app, .failed(UserError("Enregistrement de la visite impossible : disque plein.")))
    guard case .visitForm(let form) = app.top else {
      Issue.record("the form should stay on screen")
      return
    }
    #expect(form.error == "Enregistrement de la visite impossible : disque plein.")
    #expect(!form.offersRetry)
    // Entrée goes back to moving between fields; nothing is sent.
    #expect(Fixture.send([.enter], to: &app) == [.none])
  }

  @Test func closingWithoutRequestIsRefusedAndFocusesTheField() {
    var state = VisitFormScreen.State(visit: Fixture.visit(id: nil, minutesAgo: 1, started: true))
    state.focus = .outcome
    let effect = VisitFormScreen.reduce(&state, .key(.function(2)), context: Fixture.context)
    #expect(effect == .none)
    #expect(state.error == "Indiquez au moins une demande.")
    #expect(state.focus == .requests)
  }

  @Test func noAnswerRequiresAReasonAndOpensTheReasonField() {
    var state = VisitFormScreen.State(visit: Fixture.visit(id: nil, minutesAgo: 1, started: true))
    for key in [Key.char("2"), .enter, .enter, .enter, .enter, .char("6")] {
      _ = VisitFormScreen.reduce(&state, .key(key), context: Fixture.context)
    }
    #expect(state.visit.outcome == .noAnswer)
    #expect(state.focus == .reason)
    _ = VisitFormScreen.reduce(&state, .key(.function(2)), context: Fixture.context)
    #expect(state.error == VisitValidationError.missingReason.message)
    let effect = VisitFormScreen.reduce(&state, .key(.char("2")), context: Fixture.context)
    #expect(effect == .none)
    #expect(state.visit.reason == .noSlot)
    guard
      case .save(let saved) = VisitFormScreen.reduce(
        &state, .key(.function(2)), context: Fixture.context)
    else {
      Issue.record("expected save")
      return
    }
    #expect(saved.reason == .noSlot)
  }

  @Test func choosingAnAnsweredOutcomeClearsTheReason() {
    var visit = Fixture.visit(id: 4, minutesAgo: 5, started: true, requests: [.vae])
    visit.outcome = .noBooking
    visit.reason = .noSlot
    var state = VisitFormScreen.State(visit: visit)
    state.focus = .outcome
    _ = VisitFormScreen.reduce(&state, .key(.char("1")), context: Fixture.context)
    #expect(state.visit.outcome == .information)
    #expect(state.visit.reason == nil)
    #expect(!state.activeFields.contains(.reason))
    #expect(state.focus == .channel)
  }

  @Test func typingFiltersOptionsAndEnterPicksTheFirst() {
    var state = VisitFormScreen.State(visit: Fixture.visit(id: nil, minutesAgo: 0))
    for key in Fixture.chars("vae") + [.enter] {
      _ = VisitFormScreen.reduce(&state, .key(key), context: Fixture.context)
    }
    #expect(state.visit.requestKinds == [.vae])
    #expect(state.focus == .requests)
    #expect(state.lists[.requests]?.filter == "")
    _ = VisitFormScreen.reduce(&state, .key(.enter), context: Fixture.context)
    #expect(state.focus == .publicCategory)
    for key in Fixture.chars("demand") + [.enter] {
      _ = VisitFormScreen.reduce(&state, .key(key), context: Fixture.context)
    }
    #expect(state.visit.publicCategory == .jobSeeker)
    #expect(state.focus == .ageBand)
  }

  @Test func digitTogglesRequestKinds() {
    var state = VisitFormScreen.State(visit: Fixture.visit(id: nil, minutesAgo: 0))
    for key in [Key.char("1"), .char("4"), .char("1"), .char("0")] {
      _ = VisitFormScreen.reduce(&state, .key(key), context: Fixture.context)
    }
    #expect(state.visit.requestKinds == [.cpf, .other])
  }

  @Test func territoryIsChosenByTypingACommune() {
    var state = VisitFormScreen.State(visit: Fixture.visit(id: nil, minutesAgo: 0))
    state.focus = .territory
    var effect = Effect.none
    for key in Fixture.chars("cham") {
      effect = VisitFormScreen.reduce(&state, .key(key), context: Fixture.context)
    }
    #expect(effect == .searchCommunes("cham"))
    let match = CommuneMatch(
      commune: Commune(inseeCode: "73065", name: "Chambéry", bassinCode: "8215"),
      territory: Territory(id: 7, name: "Chambéry"))
    // A late answer for an older query is ignored.
    _ = VisitFormScreen.reduce(
      &state, .communesFound(query: "cha", matches: []), context: Fixture.context)
    _ = VisitFormScreen.reduce(
      &state, .communesFound(query: "cham", matches: [match]), context: Fixture.context)
    #expect(state.communeMatches == [match])
    _ = VisitFormScreen.reduce(&state, .key(.enter), context: Fixture.context)
    #expect(state.visit.territoryID == 7)
    #expect(state.communeName == "Chambéry")
    #expect(state.focus == .outcome)
  }

  @Test func pastedTextIsCleanedAndNeverSubmits() {
    var state = VisitFormScreen.State(visit: Fixture.visit(id: nil, minutesAgo: 0))
    state.focus = .territory
    let effect = VisitFormScreen.reduce(
      &state, .key(.paste("Lyon\n\u{1B}]52;c;aGk=\u{07}")), context: Fixture.context)
    #expect(state.communeQuery == "Lyon ]52;c;aGk=")
    #expect(effect == .searchCommunes("Lyon ]52;c;aGk="))
    #expect(state.focus == .territory)
  }

  @Test func escapeWithChangesAsksBeforeDiscarding() {
    var app = Fixture.app()
    Fixture.send([.char("n"), .char("2"), .escape], to: &app)
    guard case .visitForm(let form) = app.top else {
      Issue.record("form should still be open")
      return
    }
    #expect(form.confirmingDiscard)
    Fixture.send([.char("n")], to: &app)
    #expect(app.screens.count == 2)
    Fixture.send([.escape, .char("o")], to: &app)
    #expect(app.screens.count == 1)
  }
}
