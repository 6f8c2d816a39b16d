import Foundation
import GuichetCore
import GuichetUI

@testable import GuichetConsole

extension EffectRow {
  /// Search, fiches, BMO and structures; the anonymous consultation records are dropped on a read-only file.
  static let information: [EffectRow] = [
    EffectRow(
      .searchReference("éducateur"), calls: ["information.search"],
      answers: { [.referenceFound($0.references("éducateur"))] }),
    EffectRow(
      .loadOccupation("K1207", territoryID: nil), calls: ["information.occupation"],
      answers: { [.occupationLoaded(code: "K1207", $0.occupation("K1207"))] }),
    EffectRow(
      .loadCertification("RNCP34826"), calls: ["information.certification"],
      answers: { [.certificationLoaded(code: "RNCP34826", $0.certification("RNCP34826"))] }),
    EffectRow(
      .loadLabourNeeds(territoryID: 7), calls: ["information.labourNeeds"],
      answers: { [.labourNeedsLoaded(territoryID: 7, $0.labourNeeds(7))] }),
    EffectRow(
      .loadStructures(territoryID: 7), calls: ["information.structures"],
      answers: { [.structuresLoaded($0.directory(7))] }),
    EffectRow(
      .recordConsultations(visitID: 42, [Consultation(kind: .occupation, code: "K1207")]),
      calls: ["information.recordConsultations"], answers: { _ in [] }, refused: { _ in [] }),
    EffectRow(
      .recordSearchMiss("astronaute"), calls: ["information.recordSearchMiss"],
      answers: { _ in [] }, refused: { _ in [] }),
  ]
}
