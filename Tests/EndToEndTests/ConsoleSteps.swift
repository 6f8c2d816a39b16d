import Foundation

/// Steps every end-to-end scenario types the same way, so each test reads as what it is about.
extension TmuxConsole {
  /// F10 on a screen with nothing unsaved: the console ends with exit code 0.
  func quit() throws {
    try press("F10")
    try waitFor("__EXIT__0")
  }

  /// From home, « n »: a new walk-in visit, up to its request field.
  func startVisit() throws {
    try press("n")
    try waitFor("Demande(s)")
  }

  /// On the visit's territory field: types the commune, waits for its match and takes it (Entrée); the
  /// form then shows the territory with the commune in brackets.
  func chooseCommune(_ typed: String, _ commune: String) throws {
    try type(typed)
    try waitFor("\(commune) — ")
    try press("Enter")
    try waitFor("(\(commune))")
  }

  /// F2 on a coded visit: it is saved and closed under its number.
  func closeVisit(_ number: Int) throws {
    try press("F2")
    try waitFor("Visite n° \(number) clôturée.")
  }

  /// From home, « g » then Entrée on the structure: its agenda of the day.
  func openAgenda(of structure: String) throws {
    try press("g")
    try waitFor(structure)
    try press("Enter")
    try waitFor("Agenda du jour")
  }
}
