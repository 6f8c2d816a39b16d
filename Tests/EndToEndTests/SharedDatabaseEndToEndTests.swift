import Foundation
import Testing

/// Two desks of one site on the same file: what one writes, the other shows without a restart.
@Suite(.serialized) struct SharedDatabaseEndToEndTests {
  @Test func anArrivalAtOneDeskShowsInTheOtherDesksQueue() throws {
    let first = try TmuxConsole(arguments: ["--site", "CIO Annecy", "--desk", "Accueil 1"])
    try first.waitFor("Accueil 1")
    let second = try TmuxConsole(
      arguments: ["--site", "CIO Annecy", "--desk", "Accueil 2"], sharing: first)
    try second.waitFor("Accueil 2")
    try second.press("f")
    try second.waitFor("0 en attente")
    try first.press("a")
    try first.waitFor("Arrivée enregistrée")
    try second.waitFor("1 en attente")
    // The second desk takes the person; the first sees them in service.
    try second.press("Enter")
    try second.waitFor("Visite n° 1 — en cours")
    try first.waitFor("En cours        0          1")
    try second.press("3", "F2")
    try second.waitFor("Visite n° 1 clôturée.")
    try first.waitFor("Clôturées       0          1")
    try first.press("F10")
    try second.press("F10")
    try first.waitFor("__EXIT__0")
    try second.waitFor("__EXIT__0")
  }
}
