import Foundation
import GuichetCore
import GuichetUI
import Testing

@testable import GuichetConsole

/// Every effect through the real interpreter over fake services: the call it makes, the action it returns,
/// and, on a read-only file, the refusal it answers before reaching any service.
@Suite struct EffectInterpreterTests {
  @Test(arguments: EffectRow.all)
  func eachEffectMakesItsCallsAndReportsTheAnswer(_ row: EffectRow) {
    let fake = FakeServices(now: ConsoleFixture.now)
    let actions = ConsoleFixture.interpreter(.fake(fake)).run(
      row.effect, context: ConsoleFixture.context)
    #expect(fake.calls == ConsoleFixture.counts(row.calls))
    #expect(row.check(actions, fake.data), "\(actions)")
  }

  @Test(arguments: EffectRow.all)
  func onAReadOnlyFileWritesAreRefusedWithTheReasonAndReadsPass(_ row: EffectRow) {
    let fake = FakeServices(now: ConsoleFixture.now)
    var context = ConsoleFixture.context
    let reason = ReadOnlyReason(
      banner: "Base non modifiable — lecture seule.",
      message: "Base non modifiable, rien n'a été enregistré.")
    context.readOnly = reason
    let actions = ConsoleFixture.interpreter(.fake(fake)).run(row.effect, context: context)
    if let refused = row.refused {
      #expect(actions == refused(UserError(reason.message)))
      #expect(fake.calls == ConsoleFixture.counts(row.readOnlyCalls))
    } else {
      #expect(fake.calls == ConsoleFixture.counts(row.calls))
      #expect(row.check(actions, fake.data), "\(actions)")
    }
  }

  /// The exhaustive switch of `EffectCase` makes a new effect name itself; this makes it have a row.
  @Test func everyEffectCaseHasARow() {
    let covered = Set(EffectRow.all.map { EffectCase($0.effect) })
    let missing = Set(EffectCase.allCases).subtracting(covered)
    #expect(
      missing.isEmpty, "effects without an interpreter test: \(missing.map(\.rawValue).sorted())")
  }

  @Test func anErrorThatIsNotFrenchReadsAsUnexpected() {
    struct Crash: Error {}
    var services = Services.fake(FakeServices(now: ConsoleFixture.now))
    services.counters = { _ in throw Crash() }
    let actions = ConsoleFixture.interpreter(services).run(
      .loadCounters, context: ConsoleFixture.context)
    #expect(actions == [.failed(UserError("Opération impossible : erreur inattendue."))])
  }

  @Test func aRefusalOfTheSignedInAccountEndsTheSessionWhateverScreenAsked() {
    var services = Services.fake(FakeServices(now: ConsoleFixture.now))
    services.admin.write = { _, _ in throw UserError.accountNoLongerValid }
    let write = AdminWrite.structure(FakeData.structure)
    let actions = ConsoleFixture.interpreter(services).run(
      .admin(.write(write)), context: ConsoleFixture.context)
    #expect(actions == [.session(.accountNoLongerValid(.accountNoLongerValid))])
  }
}
