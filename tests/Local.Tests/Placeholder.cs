namespace Netvaerk.Local.Tests;
