import Foundation
import GRDB
import GuichetCore
import Testing

@testable import GuichetStore

/// Picking a territory by part of a commune, bassin or territory name (the structure form, the dashboard's
/// filter and the command line share it), and supervision per ZTEF: a ZTEF made later of three bassins
/// covers the visits recorded in them, with its own target delay.
@Suite struct TerritoryMatchTests {
  @Test func vienneIsTheTerritoryOfItsCommuneAccentsAndCaseAside() throws {
    let database = try AppDatabase.inMemory()
    // « Vienne » is no territory's name: the commune Vienne (bassin Vienne Roussillon) leads to it.
    let vienne = try database.territories(matching: "Vienne", limit: 5)
    #expect(vienne.first?.territory.name == "Vienne Roussillon")
    #expect(vienne.first?.matchedBy == "commune Vienne")
    #expect(vienne.unambiguous?.territory.name == "Vienne Roussillon")
    // The territory's own name first, whatever the accents and capitals.
    let chambery = try database.territories(matching: "CHAMBERY", limit: 5)
    #expect(chambery.first?.territory.name == "Chambéry")
    #expect(chambery.first?.source == .ownName)
    #expect(try database.territories(matching: "chambéry", limit: 5) == chambery)
    // A commune's start: « aix les » → Aix-les-Bains's territory, a prefix, so not taken without asking.
    let aix = try database.territories(matching: "aix les", limit: 5)
    #expect(aix.first?.territory.name == "Chambéry")
    #expect(aix.first?.matchedBy == "commune Aix-les-Bains")
    #expect(aix.unambiguous == nil)
    #expect(try database.territories(matching: " - ", limit: 5).isEmpty)
    #expect(try database.territories(matching: "zzzzqx", limit: 5).isEmpty)
  }

  @Test func aZTEFIsFoundByItsNameItsBassinsAndItsCommunesAfterTheSmallerTerritory() throws {
    let database = try AppDatabase.inMemory()
    let ztef = try database.createTerritory(
      name: "ZTEF Nord-Isère", bassinCodes: ["8415", "8411", "8407"], by: .commandLine)
    // Its own name, by a later word.
    let byName = try database.territories(matching: "nord is", limit: 5)
    #expect(byName.first?.territory.id == ztef.id)
    // The commune Vienne now leads to two territories: the one-bassin territory first, then the ZTEF, and
    // neither is taken without asking.
    let vienne = try database.territories(matching: "vienne", limit: 5)
    #expect(vienne.prefix(2).map(\.territory.name) == ["Vienne Roussillon", "ZTEF Nord-Isère"])
    #expect(vienne.unambiguous == nil)
    // Its bassin's name: the bassin's own territory first, then the ZTEF, « bassin … » said.
    let byBassin = try database.territories(matching: "vienne rouss", limit: 5)
    #expect(byBassin.map(\.territory.id).contains(ztef.id))
    #expect(byBassin.first { $0.territory.id == ztef.id }?.matchedBy == "bassin Vienne Roussillon")
  }

  @Test func equalMatchesAreInFrenchOrder() throws {
    let database = try AppDatabase.inMemory()
    // Two territories matched alike (same start, one bassin each): the list reads in French order,
    // « Sainte-Anne » before « St-Marcellin », not in the order of their search keys (« saint marcellin »
    // would come before « sainte anne »).
    try database.createTerritory(
      name: "Pays de St-Marcellin", bassinCodes: ["8415"], by: .commandLine)
    try database.createTerritory(
      name: "Pays de Sainte-Anne", bassinCodes: ["8411"], by: .commandLine)
    let names = try database.territories(matching: "pays de", limit: 20).map(\.territory.name)
      .filter { ["Pays de St-Marcellin", "Pays de Sainte-Anne"].contains($0) }
    #expect(names == ["Pays de Sainte-Anne", "Pays de St-Marcellin"])
  }

  @Test func theCommandLineAndTheScreenRankBassinsTheSameWay() throws {
    let database = try AppDatabase.inMemory()
    // The bassins of the territories screen carry how they matched, as the territory matches do.
    let chambery = try database.bassins(matching: "chambery", limit: 5, by: .commandLine)
    #expect(chambery.first?.rank == 0 && chambery.first?.source == .ownName)
    #expect(chambery.unambiguous?.bassin.code == "8411")
    let aix = try database.bassins(matching: "aix les bains", limit: 5, by: .commandLine)
    #expect(aix.first?.source == .commune)
    #expect(aix.unambiguous?.bassin.code == "8411")
    #expect(try database.bassins(matching: "sav", limit: 5, by: .commandLine).unambiguous == nil)
  }

  @Test func aZTEFCoversTheVisitsOfItsBassinsWithItsOwnTargetDelay() throws {
    let setup = try BookingSetup.make()
    let database = setup.database
    let june = SupervisionPeriod(.month, containing: BookingSetup.monday)
    let visitTerritory = try #require(
      try database.territorySummaries(by: .commandLine).first { $0.id == setup.territoryID })
    let bassin = try #require(visitTerritory.bassins.first?.code)
    let others = try database.bassinSummaries(by: .commandLine).map(\.code).filter {
      $0 != bassin
    }
    let ztef = try database.createTerritory(
      name: "ZTEF Essai", bassinCodes: [bassin] + others.prefix(2), by: .commandLine)
    let elsewhere = try database.createTerritory(
      name: "ZTEF Ailleurs", bassinCodes: Array(others.suffix(3)), by: .commandLine)
    // A week's delay: within the visit territory's 30 days, beyond the ZTEF's 5.
    _ = try setup.book(try setup.slot(BookingSetup.monday.adding(days: 7), 9))
    try database.setTargetDelay(days: 5, territoryID: ztef.id, by: .commandLine)

    let whole = try database.supervisionFigures(period: june, by: .commandLine)
    #expect(whole.funnel.visits == 1 && whole.delay.withinTarget == 1)
    for period in [june, SupervisionPeriod(from: BookingSetup.monday, to: BookingSetup.monday)] {
      let inZTEF = try database.supervisionFigures(
        period: period, filter: SupervisionFilter([.territory: String(ztef.id)]), by: .commandLine)
      #expect(inZTEF.funnel.visits == 1, "\(period)")
      #expect(inZTEF.funnel.booked == 1)
      #expect(inZTEF.delay.days.counts == [7: 1])
      #expect(inZTEF.delay.withinTarget == 0)
      let outside = try database.supervisionFigures(
        period: period, filter: SupervisionFilter([.territory: String(elsewhere.id)]),
        by: .commandLine)
      #expect(outside.funnel.visits == 0 && outside.funnel.booked == 0)
    }
    // The visit's own territory still counts it, against its own target.
    let own = try database.supervisionFigures(
      period: june, filter: SupervisionFilter([.territory: String(setup.territoryID)]),
      by: .commandLine)
    #expect(own.funnel.visits == 1 && own.delay.withinTarget == 1)
  }
}
