import Foundation
import GRDB
import GuichetCore
import Testing

@testable import GuichetStore

/// The store functions the console's administration and appointment screens call: slots of one structure
/// for a move, a deactivated structure or a removed advisor refusing bookings in French with nothing
/// written, and a disabled routing rule no longer recommending.
@Suite struct AdminStoreTests {
  static let tuesday = BookingSetup.monday.adding(days: 1)

  @Test func aMoveIsOfferedTheSlotsOfItsOwnStructureOnly() throws {
    let setup = try BookingSetup.make()
    let other = try setup.database.saveOperatorStructure(
      OperatorStructure(
        kind: .missionLocale, name: "Mission locale bis", phone: "04 74 11 22 33",
        territoryIDs: [setup.territoryID]),
      by: .commandLine)
    _ = try setup.database.openAdvisor(
      "Paul Roux", at: other.id, weekdays: [.monday], start: TimeOfDay(hour: 8)!,
      end: TimeOfDay(hour: 9)!,
      validFrom: BookingSetup.monday)
    let all = try setup.database.nextAvailability(
      territoryID: setup.territoryID, operatorKinds: [.missionLocale], from: BookingSetup.now,
      limit: 6)
    #expect(Set(all.map(\.structureName)) == ["Mission locale bis", "Mission locale de Vienne"])
    let own = try setup.database.nextAvailability(
      territoryID: nil, operatorKinds: [], from: BookingSetup.now, limit: 6,
      structureID: setup.structure.id)
    #expect(own.count == 6)
    #expect(own.allSatisfy { $0.structureID == setup.structure.id })
  }

  @Test func anAdvisorRemovedDuringABookingIsRefusedInFrenchAndNothingIsWritten() throws {
    let setup = try BookingSetup.make()
    // The desk computed this slot before the advisor was removed elsewhere.
    let slot = try setup.slot(Self.tuesday, 9)
    try setup.database.removeAdvisor(id: setup.advisorID, by: .commandLine, now: BookingSetup.now)
    let contact = try Contact.validate(
      firstName: "Léa", lastName: "Durand", phone: "0612345678", email: "")
    #expect(
      throws: UserError(
        "Ce conseiller n'est plus disponible (il a été retiré) : choisissez un autre créneau.")
    ) { try setup.book(slot, contact: contact) }
    // The contact typed for that attempt went down with it: same transaction.
    #expect(try setup.count("appointment") == 0)
    #expect(try setup.count("contact") == 0)
    #expect(try setup.database.advisors(structureID: try #require(setup.structure.id)).isEmpty)
    #expect(
      try setup.database.advisors(
        structureID: try #require(setup.structure.id), includeInactive: true
      )
      .map(\.isActive) == [false])
    #expect(
      try setup.database.nextAvailability(
        territoryID: setup.territoryID, operatorKinds: [], from: BookingSetup.now
      ).isEmpty)
  }

  @Test func aDeactivatedStructureTakesNoBookingAndAnEditKeepsItsRows() throws {
    let setup = try BookingSetup.make()
    var structure = setup.structure
    structure.isActive = false
    structure.phone = "04 74 11 11 11"
    let saved = try setup.database.saveOperatorStructure(structure, by: .commandLine)
    #expect(saved.phone == "04 74 11 11 11" && !saved.isActive)
    #expect(saved.territoryIDs == [setup.territoryID])
    #expect(
      throws: UserError("Cette structure n'accueille plus de rendez-vous.")
    ) { try setup.book(try setup.slot(Self.tuesday, 9)) }
    #expect(try setup.count("appointment") == 0)
    #expect(try setup.database.operatorStructures().contains { $0.id == structure.id } == false)
    #expect(
      try setup.database.operatorStructures(includeInactive: true).contains {
        $0.id == structure.id
      })
  }

  @Test func theAgendaListsOnlyStructuresWithAdvisors() throws {
    let setup = try BookingSetup.make()
    _ = try setup.database.saveOperatorStructure(
      OperatorStructure(kind: .cio, name: "CIO sans conseiller"), by: .commandLine)
    #expect(try setup.database.operatorStructures().count == 2)
    #expect(
      try setup.database.operatorStructures(withAdvisors: true).map(\.id) == [setup.structure.id])
  }

  @Test func anUnknownTerritoryLeavesTheStructureAsItWas() throws {
    let setup = try BookingSetup.make()
    var structure = setup.structure
    structure.name = "Nouveau nom"
    structure.territoryIDs = [setup.territoryID, 999_999]
    #expect(throws: UserError("Territoire inconnu (n° 999999).")) {
      try setup.database.saveOperatorStructure(structure, by: .commandLine)
    }
    let id = try #require(structure.id)
    let stored = try #require(try setup.database.operatorStructure(id: id))
    #expect(stored.name == "Mission locale de Vienne")
    #expect(stored.territoryIDs == [setup.territoryID])
  }

  @Test func aDisabledRoutingRuleNoLongerRecommends() throws {
    let setup = try BookingSetup.make()
    let rules = try setup.database.routingRules()
    let before = try setup.database.recommend(for: setup.visit)
    #expect(before.map(\.operatorKind) == [.missionLocale])
    for var rule in rules where rule.operatorKind == .missionLocale {
      rule.isActive = false
      _ = try setup.database.saveRoutingRule(rule, by: .commandLine)
    }
    #expect(try setup.database.recommend(for: setup.visit).isEmpty)
    #expect(try setup.database.routingRules().count == rules.count)
  }
}
