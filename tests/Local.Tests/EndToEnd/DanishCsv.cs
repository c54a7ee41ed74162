using System.Text;

namespace Netvaerk.Local.Tests.EndToEnd;

/// <summary>Reads a CSV file the way Danish Excel does: UTF-8 after its BOM, semicolons, quoted fields with "" and line breaks.</summary>
internal static class DanishCsv
{
    public static List<string[]> Read(byte[] bytes)
    {
        Assert.True(bytes.AsSpan().StartsWith(Encoding.UTF8.GetPreamble()), "No UTF-8 byte-order mark: Excel would read æøå as Latin-1.");
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ';') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else field.Append(c);
        }

        Assert.False(quoted, "A quoted field never ends.");
        Assert.Empty(row);
        return rows;
    }
}
