import Foundation
import GuichetCore
import Testing

@testable import GuichetStore

/// Routing that points to Cap emploi (or the regional CEP operator) where no such structure was added: the
/// recommendation says so, so the booking screen can tell the agent how to add one before choosing.
@Suite struct MissingOperatorTests {
  @Test func aRecommendedKindWithoutOpenDirectoryIsFlaggedUntilAStructureServesTheTerritory() throws
  {
    let setup = try BookingSetup.make()
    let database = setup.database
    let visit = Visit(
      siteID: setup.workplace.siteID, deskID: setup.workplace.deskID, arrivedAt: BookingSetup.now,
      publicCategory: .disability, ageBand: .from26to44, territoryID: setup.territoryID,
      requestKinds: [.jobSearch], day: BookingSetup.monday.number)
    let before = try database.recommend(for: visit)
    let capEmploi = try #require(before.first { $0.operatorKind == .capEmploi })
    #expect(capEmploi.noStructureYet)
    // Kinds an open directory provides are never flagged, bundled or not.
    #expect(before.filter { $0.operatorKind != .capEmploi }.allSatisfy { !$0.noStructureYet })

    // Another territory's Cap emploi does not count; one serving this territory does.
    let elsewhere = try #require(
      try database.territories().first { $0.id != setup.territoryID }?.id)
    _ = try database.saveOperatorStructure(
      OperatorStructure(
        kind: .capEmploi, name: "Cap emploi ailleurs", phone: "04 76 00 00 00",
        territoryIDs: [elsewhere]), by: .commandLine)
    #expect(
      try database.recommend(for: visit).first { $0.operatorKind == .capEmploi }?
        .noStructureYet == true)
    _ = try database.saveOperatorStructure(
      OperatorStructure(
        kind: .capEmploi, name: "Cap emploi Isère", phone: "04 76 00 00 01",
        territoryIDs: [setup.territoryID]), by: .commandLine)
    let after = try database.recommend(for: visit)
    #expect(after.first { $0.operatorKind == .capEmploi }?.noStructureYet == false)
    #expect(after.map(\.operatorKind) == before.map(\.operatorKind))
  }
}
