namespace LetterPipeline.Core.Layout;

/// <summary>
/// Text placed on a page by something other than the PDF's text layer (OCR): a word, or part of one, in PDF points
/// with the origin bottom-left, read by <see cref="LineBuilder"/> as one glyph. <see cref="SpaceAfter"/> says whether
/// a word ends here (a word split around a footnote marker does not).
/// </summary>
internal sealed record PlacedText(string Text, double Left, double Right, double Baseline, double Size, bool Bold, bool Italic, bool SpaceAfter);
