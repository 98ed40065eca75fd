namespace LetterPipeline.Core.Ocr;

/// <summary>
/// The connected blobs of ink inside a region of a page image (8-connected), each as its bounding box: the
/// glyphs, dots and accents that make up a printed word.
/// </summary>
internal static class InkComponents
{
    /// <summary>Blobs smaller than this many pixels are specks of scan noise.</summary>
    private const int MinimumPixels = 4;

    public static List<PixelBox> Find(GrayImage image, PixelBox region)
    {
        var left = Math.Max(0, region.Left);
        var top = Math.Max(0, region.Top);
        var width = Math.Min(image.Width, region.Right) - left;
        var height = Math.Min(image.Height, region.Bottom) - top;
        var boxes = new List<PixelBox>();
        if (width <= 0 || height <= 0)
        {
            return boxes;
        }

        var seen = new bool[width * height];
        var stack = new Stack<int>();
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                if (seen[(y * width) + x] || !image.IsInk(left + x, top + y))
                {
                    continue;
                }

                var (minX, minY, maxX, maxY, pixels) = (x, y, x, y, 0);
                seen[(y * width) + x] = true;
                stack.Push((y * width) + x);
                while (stack.Count > 0)
                {
                    var at = stack.Pop();
                    var (cx, cy) = (at % width, at / width);
                    pixels++;
                    (minX, minY, maxX, maxY) = (Math.Min(minX, cx), Math.Min(minY, cy), Math.Max(maxX, cx), Math.Max(maxY, cy));
                    for (var dy = -1; dy <= 1; dy++)
                    {
                        for (var dx = -1; dx <= 1; dx++)
                        {
                            var (nx, ny) = (cx + dx, cy + dy);
                            if (nx >= 0 && ny >= 0 && nx < width && ny < height && !seen[(ny * width) + nx] && image.IsInk(left + nx, top + ny))
                            {
                                seen[(ny * width) + nx] = true;
                                stack.Push((ny * width) + nx);
                            }
                        }
                    }
                }

                if (pixels >= MinimumPixels)
                {
                    boxes.Add(new PixelBox(left + minX, top + minY, left + maxX + 1, top + maxY + 1));
                }
            }
        }

        return boxes;
    }

    /// <summary>The number of ink pixels in <paramref name="box"/>.</summary>
    public static int Ink(GrayImage image, PixelBox box)
    {
        var ink = 0;
        for (var y = box.Top; y < box.Bottom; y++)
        {
            for (var x = box.Left; x < box.Right; x++)
            {
                ink += image.IsInk(x, y) ? 1 : 0;
            }
        }

        return ink;
    }

    /// <summary>
    /// The slant of the type in <paramref name="region"/>, in degrees (0 upright, about 12 for italic): the shear that
    /// makes the columns of ink sharpest, its vertical strokes standing straight.
    /// </summary>
    public static double Slant(GrayImage image, PixelBox region, double baseline)
    {
        var ink = new List<(int X, int Height)>();
        for (var y = Math.Max(0, region.Top); y < Math.Min(image.Height, region.Bottom); y++)
        {
            for (var x = Math.Max(0, region.Left); x < Math.Min(image.Width, region.Right); x++)
            {
                if (image.IsInk(x, y))
                {
                    ink.Add((x - region.Left, (int)(baseline - y)));
                }
            }
        }

        if (ink.Count < 20)
        {
            return 0;
        }

        var (best, bestSharpness) = (0, double.MinValue);
        var columns = new int[region.Width + (2 * region.Height) + 2];
        for (var degrees = -6; degrees <= 24; degrees += 2)
        {
            var shear = Math.Tan(degrees * Math.PI / 180);
            Array.Clear(columns);
            foreach (var (x, height) in ink)
            {
                var column = x - (int)Math.Round(height * shear) + region.Height;
                if (column >= 0 && column < columns.Length)
                {
                    columns[column]++;
                }
            }

            var sharpness = columns.Sum(c => (double)c * c);
            if (sharpness > bestSharpness)
            {
                (best, bestSharpness) = (degrees, sharpness);
            }
        }

        return best;
    }

    /// <summary>
    /// The mean length of the horizontal runs of ink in <paramref name="region"/> up to <paramref name="maximumRun"/>
    /// pixels: the width of the vertical strokes, which bold type makes half again as wide. Longer runs are
    /// horizontal strokes (the bar of a T) and say nothing about the weight.
    /// </summary>
    public static double StrokeWidth(GrayImage image, PixelBox region, int maximumRun)
    {
        var (total, count) = (0L, 0);
        for (var y = Math.Max(0, region.Top); y < Math.Min(image.Height, region.Bottom); y++)
        {
            var run = 0;
            var right = Math.Min(image.Width, region.Right);
            for (var x = Math.Max(0, region.Left); x <= right; x++)
            {
                if (x < right && image.IsInk(x, y))
                {
                    run++;
                }
                else if (run > 0)
                {
                    if (run <= maximumRun)
                    {
                        total += run;
                        count++;
                    }

                    run = 0;
                }
            }
        }

        return count == 0 ? 0 : (double)total / count;
    }
}
