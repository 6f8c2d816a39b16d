import GuichetCore
import Testing

@testable import GuichetUI

/// A number a form shows as it stands (a target delay, a wait, a retention) is replaced by what is typed,
/// not extended: « 21 » typed over « 30 » is 21 (it was 302, silently within 1 to 365).
@Suite struct FormFieldsTests {
  static func form() -> FormFields {
    FormFields([
      .number("Délai cible", 30, hint: "jours", limit: 3), .text("Nom", "Savoie", limit: 20),
    ])
  }

  @Test func typingOverANumberReplacesIt() {
    var fields = Self.form()
    for key in Fixture.chars("21") { fields.edit(key) }
    #expect(fields.text(0) == "21")
    fields.edit(.char("4"))
    #expect(fields.text(0) == "214", "once replaced, typing extends what was typed")
  }

  @Test func backspaceClearsANumberAndAPasteReplacesIt() {
    var fields = Self.form()
    fields.edit(.backspace)
    #expect(fields.text(0) == "")
    var pasted = Self.form()
    pasted.edit(.paste("45"))
    #expect(pasted.text(0) == "45")
  }

  @Test func aTextFieldAndANumberLeftAndComeBackToAreExtended() {
    var fields = Self.form()
    fields.edit(.tab)
    for key in Fixture.chars(" Mont-Blanc") { fields.edit(key) }
    #expect(fields.text(1) == "Savoie Mont-Blanc")
    fields.edit(.backTab)
    fields.edit(.char("1"))
    #expect(
      fields.text(0) == "301", "the number was left untouched, then came back to: it is extended")
  }
}
