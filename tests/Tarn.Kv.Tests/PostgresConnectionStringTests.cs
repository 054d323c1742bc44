using Npgsql;
using Tarn.Kv.Postgres;

namespace Tarn.Kv.Tests;

/// <summary>The conversion of lakeFS/libpq connection strings to Npgsql's form.</summary>
public sealed class PostgresConnectionStringTests
{
    [Fact]
    public void A_full_url_maps_every_part()
    {
        var result = Parse("postgres://lakefs:s3cret@db.example.com:6543/metadata?sslmode=disable&connect_timeout=7&application_name=tarn");

        Assert.Equal("db.example.com", result.Host);
        Assert.Equal(6543, result.Port);
        Assert.Equal("lakefs", result.Username);
        Assert.Equal("s3cret", result.Password);
        Assert.Equal("metadata", result.Database);
        Assert.Equal(SslMode.Disable, result.SslMode);
        Assert.Equal(7, result.Timeout);
        Assert.Equal("tarn", result.ApplicationName);
    }

    [Fact]
    public void Percent_encoded_user_password_and_database_are_decoded()
    {
        var result = Parse("postgresql://us%40er:p%40ss%3Aw%2Frd%20x@localhost/my%20db");

        Assert.Equal("us@er", result.Username);
        Assert.Equal("p@ss:w/rd x", result.Password);
        Assert.Equal("my db", result.Database);
        Assert.Equal("localhost", result.Host);
    }

    [Fact]
    public void A_password_holding_an_at_sign_unencoded_still_parses()
    {
        // The last '@' ends the user information, as in libpq.
        var result = Parse("postgres://user:p@ss@localhost:5432/db");

        Assert.Equal("p@ss", result.Password);
        Assert.Equal("localhost", result.Host);
    }

    [Fact]
    public void Missing_parts_stay_unset()
    {
        var result = Parse("postgres://localhost");

        Assert.Equal("localhost", result.Host);
        Assert.Equal(NpgsqlConnection.DefaultPort, result.Port);
        Assert.Null(result.Username);
        Assert.Null(result.Password);
        Assert.Null(result.Database);
    }

    [Fact]
    public void Ipv6_hosts_and_several_hosts_are_understood()
    {
        Assert.Equal("::1", Parse("postgres://[::1]:5433/db").Host);
        Assert.Equal(5433, Parse("postgres://[::1]:5433/db").Port);
        Assert.Equal("a:5432,b:5433", Parse("postgres://a:5432,b:5433/db").Host);
        Assert.Equal("a,b:5433", Parse("postgres://a,b:5433/db").Host);
        Assert.Equal("a,b", Parse("postgres://a,b/db?target_session_attrs=read-write").Host);
    }

    [Theory]
    [InlineData("disable", SslMode.Disable)]
    [InlineData("allow", SslMode.Allow)]
    [InlineData("prefer", SslMode.Prefer)]
    [InlineData("require", SslMode.Require)]
    [InlineData("verify-ca", SslMode.VerifyCA)]
    [InlineData("verify-full", SslMode.VerifyFull)]
    public void Every_sslmode_maps(string sslmode, SslMode expected)
    {
        Assert.Equal(expected, Parse($"postgres://h/db?sslmode={sslmode}").SslMode);
    }

    [Fact]
    public void Other_query_parameters_become_server_run_time_parameters()
    {
        var result = Parse("postgres://h/db?statement_timeout=5s&search_path=tarn&pool_max_conns=9&default_query_exec_mode=exec");

        Assert.Equal("-c statement_timeout=5s", result.Options);
        Assert.Equal("tarn", result.SearchPath);
        Assert.Equal(9, result.MaxPoolSize);
    }

    [Fact]
    public void Libpq_keyword_value_strings_are_converted()
    {
        var result = Parse("host=localhost port=5433 user=tarn password='it\\'s secret' dbname=tarn sslmode=require");

        Assert.Equal("localhost", result.Host);
        Assert.Equal(5433, result.Port);
        Assert.Equal("tarn", result.Username);
        Assert.Equal("it's secret", result.Password);
        Assert.Equal("tarn", result.Database);
        Assert.Equal(SslMode.Require, result.SslMode);
    }

    [Theory]
    [InlineData("Host=localhost;Username=tarn;Password=x;Database=tarn")]
    [InlineData("Host=localhost")]
    [InlineData("Server=localhost;User ID=tarn")]
    public void Npgsql_strings_pass_through_unchanged(string connectionString)
    {
        Assert.Equal(connectionString, PostgresConnectionString.ToNpgsql(connectionString));
    }

    [Theory]
    [InlineData("postgres://user:topsecret@localhost:notaport/db")]
    [InlineData("postgres://user:topsecret@localhost:70000/db")]
    [InlineData("postgres://user:topsecret@localhost/db?sslmode=sometimes")]
    [InlineData("postgres://user:topsecret@localhost/db?connect_timeout=soon")]
    [InlineData("postgres://user:topsecret@localhost/db?=x")]
    [InlineData("postgres://user:topsecret@[::1/db")]
    [InlineData("host=localhost password='topsecret")]
    public void Malformed_strings_are_rejected_without_echoing_the_password(string connectionString)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => PostgresConnectionString.ToNpgsql(connectionString));

        Assert.DoesNotContain("topsecret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Blank_strings_are_rejected(string connectionString)
    {
        Assert.ThrowsAny<ArgumentException>(() => PostgresConnectionString.ToNpgsql(connectionString));
    }

    private static NpgsqlConnectionStringBuilder Parse(string connectionString) =>
        new(PostgresConnectionString.ToNpgsql(connectionString));
}
