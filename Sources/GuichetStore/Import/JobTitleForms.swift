/// Splits a ROME label written « Conducteur / Conductrice d'engins agricoles » into its masculine and feminine titles,
/// so screens can always show both (the « double mixité » principle). Labels without ` / ` are epicene.
enum JobTitleForms {
  static func split(_ label: String) -> (masculine: String, feminine: String) {
    let halves = label.components(separatedBy: " / ")
    guard halves.count == 2 else { return (label, label) }
    let left = halves[0].split(separator: " ")
    let right = halves[1].split(separator: " ")
    if halves[0].hasPrefix("Homme ") { return (halves[0], halves[1]) }
    if right.count > left.count {
      // « Conducteur / Conductrice d'engins » : the words after the feminine head are shared.
      let shared = right[left.count...].joined(separator: " ")
      return (halves[0] + " " + shared, halves[1])
    }
    if right.count < left.count {
      // « Artiste Plasticien / Plasticienne » : the words before the masculine head are shared.
      let shared = left[..<(left.count - right.count)].joined(separator: " ")
      return (halves[0], shared + " " + halves[1])
    }
    return (halves[0], halves[1])
  }
}
