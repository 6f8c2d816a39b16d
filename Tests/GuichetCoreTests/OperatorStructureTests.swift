import Foundation
import Testing

@testable import GuichetCore

@Suite struct OperatorStructureTests {
  static let longName =
    "Mission locale pour l'insertion professionnelle et sociale des jeunes (16-25 ans) - Aix-les-Bains"

  @Test func shortLabelIsTheKindAndTheNamesLastPart() {
    let structure = OperatorStructure(
      kind: .missionLocale, name: Self.longName, city: "Aix-les-Bains Cedex")
    #expect(structure.shortLabel == "Mission locale Aix-les-Bains")
    let cio = OperatorStructure(
      kind: .cio, name: "Centre d'information et d'orientation (CIO) - Romans-sur-Isère")
    #expect(cio.shortLabel == "CIO Romans-sur-Isère")
  }

  @Test func shortLabelFallsBackToTheAddressTownThenTheFullName() {
    let name = "Mission locale pour l'insertion professionnelle et sociale des jeunes du bassin"
    let withCity = OperatorStructure(kind: .missionLocale, name: name, city: "Valence Cedex")
    #expect(withCity.shortLabel == "Mission locale Valence")
    let withoutCity = OperatorStructure(kind: .missionLocale, name: name)
    #expect(withoutCity.shortLabel == name)
  }

  @Test func namesThatAlreadyFitAreKept() {
    let structure = OperatorStructure(
      kind: .missionLocale, name: "Mission locale de Vienne", city: "Vienne")
    #expect(structure.shortLabel == "Mission locale de Vienne")
  }

  @Test func availableSlotLabelUsesTheStructuresTown() {
    let slot = AvailableSlot(
      slot: Slot(
        advisorID: 1, startsAt: .init(timeIntervalSince1970: 0),
        endsAt: .init(timeIntervalSince1970: 1800), place: .onSite),
      advisorName: "Claire", structureID: 1, structureName: Self.longName,
      operatorKind: .missionLocale, delayDays: 0, structureCity: "Aix-les-Bains")
    #expect(slot.structureLabel == "Mission locale Aix-les-Bains")
  }
}
