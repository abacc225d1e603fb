// A small list of the passwords most often seen in leaks (and a few common in Japan), refused at
// registration and password change. Only entries of 8+ characters matter: shorter ones fail the
// length rule anyway. Compared case-insensitively.
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  "password", "password1", "password12", "password123", "password1234", "passw0rd", "p@ssw0rd", "p@ssword",
  "12345678", "123456789", "1234567890", "12341234", "87654321", "11111111", "00000000", "88888888",
  "123123123", "1q2w3e4r", "1qaz2wsx", "qwertyui", "qwerty123", "qwerty12", "qwertyuiop", "asdfghjk",
  "asdfasdf", "zxcvbnm1", "abcd1234", "abc12345", "a1b2c3d4", "aa123456", "iloveyou", "iloveyou1",
  "sunshine", "princess", "football", "baseball", "welcome1", "welcome123", "letmein1", "trustno1",
  "superman", "dragon12", "monkey12", "shadow12", "master12", "michael1", "computer", "internet",
  "whatever", "starwars", "changeme", "admin123", "administrator", "adminadmin", "rootroot", "test1234",
  "testtest", "secret12", "sakura123", "sakurasaku", "doraemon", "pokemon1", "nihon123", "tokyo123",
  "japan123", "yamada123", "correcthorsebatterystaple", "password!", "qwerty!@#", "1234qwer", "q1w2e3r4",
]);

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.trim().toLowerCase());
}
