using Netvaerk.Domain.Participants;
using Netvaerk.Web.Pages.Networks;

namespace Netvaerk.Web.Tests.Pages.Networks;

/// <summary>Reading a participant list as spreadsheets save it, line by line.</summary>
public sealed class ParticipantCsvTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<ParticipantLine> Read(string text, params string[] known) =>
        ParticipantCsv.Read(text, known, Now) is ({ } lines, null) ? lines : throw new InvalidOperationException("refused");

    [Fact]
    public void Commas_without_a_header_are_read_too_and_an_empty_role_means_core()
    {
        var lines = Read("Jonas Berg,jonas.berg@albertslund.dk,Medarbejder,\nAisha Khan,aisha@example.dk,vidensinstitution,Periferi,Aftale med UCC");

        Assert.Equal([1, 2], lines.Select(l => l.Line));
        Assert.Equal(ParticipantRole.Core, lines[0].Participant!.Role);
        Assert.Equal((ParticipantKind.KnowledgeInstitution, ParticipantRole.Peripheral, "Aftale med UCC"),
            (lines[1].Participant!.Kind, lines[1].Participant!.Role, lines[1].Participant!.Consent!.Source));
        Assert.Equal(Now, lines[1].Participant!.Consent!.GivenAt);
    }

    [Fact]
    public void A_quoted_line_break_keeps_the_line_numbers_of_the_lines_after_it()
    {
        var lines = Read("navn;e-mail;type;rolle;samtykke\r\n\"Ole \"\"Bager\"\"\";ole@example.dk;borger;;\"Mødet\r\nden 3.\"\r\nEva;eva@albertslund.dk;medarbejder;;\r\n");

        Assert.Equal([2, 4], lines.Select(l => l.Line));
        Assert.Equal("Ole \"Bager\"", lines[0].Participant!.Name);
        Assert.Equal("Mødet\r\nden 3.", lines[0].Participant!.Consent!.Source);
    }

    [Theory]
    [InlineData("Eva;eva@albertslund.dk;medarbejder;;;ekstra", "Linjen har flere end fem kolonner.")]
    [InlineData(";eva@albertslund.dk;medarbejder;;", "Navnet skal udfyldes.")]
    [InlineData("Eva;;medarbejder;;", "E-mailadressen skal udfyldes.")]
    [InlineData("Eva;eva@albertslund.dk;;;", "Typen mangler")]
    [InlineData("Eva;eva@albertslund.dk;medarbejder;leder;", "Ukendt rolle »leder« (kerne eller periferi).")]
    [InlineData("Eva;EVA@albertslund.dk;medarbejder;;", "Adressen er allerede deltager")]
    public void A_bad_line_is_refused_with_its_reason(string line, string reason)
    {
        var read = Assert.Single(Read(line, "eva@albertslund.dk", "x@example.dk"), l => l.Line == 1);
        Assert.Null(read.Participant);
        Assert.StartsWith(reason, read.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void More_lines_than_the_limit_refuse_the_file_as_a_whole()
    {
        var text = string.Join("\n", Enumerable.Range(1, ParticipantCsv.MaxLines + 1).Select(i => $"P {i};p{i}@albertslund.dk;medarbejder;;"));
        var (lines, error) = ParticipantCsv.Read(text, [], Now);
        Assert.Null(lines);
        Assert.Equal("Filen har 501 linjer; højst 500 ad gangen.", error);
        Assert.Equal(500, Read(string.Join("\n", text.Split('\n').Take(500))).Count(l => l.Participant is not null));
    }
}
