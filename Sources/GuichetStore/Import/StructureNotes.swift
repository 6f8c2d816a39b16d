/// The Service-Public.fr export hides address and phone in one `notes` field:
/// « Adresse : 6 rue de la Résistance,42000,Saint-Étienne | Tél : 04 77 48 77 00 | Fax : ».
struct StructureNotes: Equatable {
  var address: String?
  var postcode: String?
  var city: String?
  var phone: String?
  var fax: String?

  static func parse(_ notes: String) -> StructureNotes {
    var result = StructureNotes()
    for part in notes.components(separatedBy: "|") {
      guard let colon = part.firstIndex(of: ":") else { continue }
      let key = String(part[..<colon]).trimmingSpaces().lowercased()
      let value = String(part[part.index(after: colon)...]).trimmingSpaces()
      if value.isEmpty { continue }
      switch key {
      case "adresse":
        // Street, postcode and city are the last two commas apart; the street itself may hold commas.
        // Ardèche postcodes lost their leading zero (« 7200 »).
        var pieces = value.components(separatedBy: ",").map { $0.trimmingSpaces() }
        let postcode = pieces.count >= 3 ? pieces[pieces.count - 2] : ""
        if (4...5).contains(postcode.count), postcode.allSatisfy(\.isASCII),
          postcode.allSatisfy(\.isNumber)
        {
          result.city = pieces.removeLast()
          pieces.removeLast()
          result.postcode = postcode.count == 4 ? "0" + postcode : postcode
          result.address = pieces.joined(separator: ", ")
        } else {
          result.address = value
        }
      case "tél", "tel", "téléphone":
        // « 08 00 11 10 09 / Numéro vert : service et appel gratuits. »: the number, without the tariff note.
        result.phone = value.components(separatedBy: " / ")[0].trimmingSpaces()
      case "fax": result.fax = value
      default: continue
      }
    }
    return result
  }
}
