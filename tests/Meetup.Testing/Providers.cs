namespace Meetup.Testing;

/// <summary>
/// Theory data for database tests: always SQLite, and PostgreSQL whenever MEETUP_TEST_POSTGRES is
/// set (the test script sets it, so in CI both run).
/// </summary>
public static class Providers
{
    public static TheoryData<string> All
    {
        get
        {
            var data = new TheoryData<string> { "Sqlite" };
            if (TestDatabase.PostgresServer is not null)
            {
                data.Add("Postgres");
            }
            return data;
        }
    }
}
