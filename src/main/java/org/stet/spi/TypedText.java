package org.stet.spi;

/**
 * Checks for text people type into plugin forms, before it is stored and shown.
 *
 * @since 0.3
 */
public final class TypedText {

  private TypedText() {}

  /**
   * Whether {@code text} holds characters that are not text: control characters other than line
   * breaks and tabs (NUL among them), Unicode noncharacters ({@code U+FFFE}, {@code U+FFFF}, {@code
   * U+FDD0}–{@code U+FDEF}...), which HTML forbids and parsers may take for the end of the input,
   * and lone surrogates.
   */
  public static boolean hasNonText(String text) {
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      boolean control =
          Character.getType(c) == Character.CONTROL && c != '\n' && c != '\t' && c != '\r';
      boolean nonCharacter = (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
      if (control || nonCharacter || Character.getType(c) == Character.SURROGATE) {
        return true;
      }
    }
    return false;
  }
}
