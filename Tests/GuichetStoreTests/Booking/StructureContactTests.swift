import Foundation
import GRDB
import GuichetCore
import Testing

@testable import GuichetStore

/// A structure's phone and e-mail go through the same checks as a person's contact, in the store itself
/// (the command line and the administration form both end there), and are kept as printed on slips.
@Suite struct StructureContactTests {
  @Test(
    arguments: [
      ("abc", nil, "Téléphone de la structure refusé (« abc ») : Numéro de téléphone invalide"),
      (
        nil, "pas un mail",
        "Courriel de la structure refusé (« pas un mail ») : Adresse électronique invalide"
      ),
      ("061234567", nil, "10 chiffres commençant par 01 à 09"),
    ] as [(String?, String?, String)])
  func badContactFieldsAreRefusedAndNothingIsWritten(
    phone: String?, email: String?, message: String
  )
    throws
  {
    let database = try AppDatabase.inMemory()
    let count = try database.operatorStructures(includeInactive: true).count
    #expect {
      try database.saveOperatorStructure(
        OperatorStructure(kind: .cio, name: "CIO Essai", phone: phone, email: email),
        by: .commandLine)
    } throws: { error in
      (error as? UserError)?.message.contains(message) == true
    }
    #expect(try database.operatorStructures(includeInactive: true).count == count)
  }

  @Test func goodFieldsAreKeptInTheirPrintedForm() throws {
    let database = try AppDatabase.inMemory()
    let saved = try database.saveOperatorStructure(
      OperatorStructure(
        kind: .cio, name: "CIO Essai", phone: "+33 4 74 00 00 00", email: " Accueil@CIO-Essai.FR "),
      by: .commandLine)
    #expect(saved.phone == "04 74 00 00 00")
    #expect(saved.email == "accueil@cio-essai.fr")
  }

  /// A row stored before the check (or by hand) still reads, lists and can be fixed.
  @Test func anExistingBadRowDoesNotBreakReads() throws {
    let database = try AppDatabase.inMemory()
    var saved = try database.saveOperatorStructure(
      OperatorStructure(kind: .cio, name: "CIO Ancien"), by: .commandLine)
    let id = try #require(saved.id)
    try database.writer.write { db in
      try db.execute(
        sql: "UPDATE operator_structure SET phone = 'abc', email = 'pas un mail' WHERE id = ?",
        arguments: [id])
    }
    let read = try #require(try database.operatorStructure(id: id))
    #expect(read.phone == "abc" && read.email == "pas un mail")
    #expect(try database.operatorStructures().contains { $0.id == id })
    saved.phone = "04 74 11 11 11"
    saved.email = nil
    let fixed = try database.saveOperatorStructure(saved, by: .commandLine)
    #expect(fixed.phone == "04 74 11 11 11" && fixed.email == nil)
  }
}
