using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.People;

namespace Cooperation.Tests.Domain;

/// <summary>The rules of people's accounts: addresses, passwords, one-time links, lockout.</summary>
public sealed class PeopleTests
{
    private static AccountDefinition Account(string email = "Lan.Nguyen@HaiPhong.gov.vn ", Role role = Role.CityOffice) =>
        new(email, " Nguyễn Thị Lan ", "hp-dofa", role, ReportLanguage.Vi);

    [Fact]
    public void An_account_keeps_one_spelling_of_its_address_and_a_trimmed_name()
    {
        var account = Account().Validate();

        Assert.Equal("lan.nguyen@haiphong.gov.vn", account.Email);
        Assert.Equal("Nguyễn Thị Lan", account.DisplayName);
    }

    [Theory]
    [InlineData("not an address", Role.CityOffice, "email")]
    [InlineData("Lan <lan@example.vn>", Role.CityOffice, "email")]
    [InlineData("lan@example.vn", Role.Anonymous, "role")]
    [InlineData("lan@example.vn", (Role)99, "role")]
    public void A_definition_that_breaks_a_rule_names_the_field(string email, Role role, string field)
    {
        var error = Assert.Throws<InvalidFieldException>(() => Account(email, role).Validate());
        Assert.Equal(field, Assert.Single(error.Violations).Field);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("aaaaaaaaaaaaaaaa")]
    [InlineData("lan.nguyen-2026-secret")]
    [InlineData("")]
    public void A_weak_password_is_refused(string password)
    {
        var error = Assert.Throws<InvalidFieldException>(() => PasswordRules.Check(password, "lan.nguyen@haiphong.gov.vn"));
        Assert.Equal("password", Assert.Single(error.Violations).Field);
    }

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("緑の成長を北九州と共に進める")]
    public void A_long_passphrase_in_any_language_is_taken(string password) =>
        PasswordRules.Check(password, "lan.nguyen@haiphong.gov.vn");

    [Fact]
    public void A_one_time_link_opens_only_for_its_secret_and_purpose_and_only_its_hash_is_kept()
    {
        var token = OneTimeToken.New(TokenPurpose.Invitation);

        Assert.DoesNotContain(token.Secret, token.Hash, StringComparison.Ordinal);
        Assert.True(OneTimeToken.Matches(TokenPurpose.Invitation, token.Secret, token.Hash));
        Assert.False(OneTimeToken.Matches(TokenPurpose.PasswordReset, token.Secret, token.Hash));
        Assert.False(OneTimeToken.Matches(TokenPurpose.Invitation, token.Secret + "x", token.Hash));
        Assert.False(OneTimeToken.Matches(TokenPurpose.Invitation, null, token.Hash));
        Assert.NotEqual(token.Secret, OneTimeToken.New(TokenPurpose.Invitation).Secret);
    }

    [Fact]
    public void Five_wrong_passwords_in_a_quarter_hour_lock_sign_in_for_a_quarter_hour_after_the_last()
    {
        var start = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        var four = Enumerable.Range(0, 4).Select(i => start.AddMinutes(i)).ToList();

        Assert.Null(SignInLockout.LockedUntil(four, start.AddMinutes(4)));
        var five = four.Append(start.AddMinutes(4)).ToList();
        Assert.Equal(start.AddMinutes(19), SignInLockout.LockedUntil(five, start.AddMinutes(5)));
        Assert.Null(SignInLockout.LockedUntil(five, start.AddMinutes(19)));
        // Spread over more than the window, they do not lock.
        var spread = Enumerable.Range(0, 5).Select(i => start.AddMinutes(i * 4)).ToList();
        Assert.Null(SignInLockout.LockedUntil(spread, start.AddMinutes(17)));
    }
}
