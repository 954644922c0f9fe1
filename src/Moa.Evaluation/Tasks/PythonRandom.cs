namespace Moa.Evaluation.Tasks;

/// <summary>
/// CPython's <c>random.Random</c> for the calls lm-evaluation-harness makes when it draws few-shot examples: the Mersenne
/// Twister (MT19937) seeded from an integer as CPython seeds it (<c>init_by_array</c> over the 32-bit words of |seed|),
/// <c>getrandbits</c>, <c>_randbelow</c> (rejection over <c>getrandbits(n.bit_length())</c>) and <c>sample</c> (CPython's
/// two strategies: a shrinking pool for small populations, rejection of repeats for large ones). Same seed, same calls,
/// same numbers as Python, so Moa picks the examples lm-eval picks. MathNet's MersenneTwister seeds with
/// <c>init_genrand</c>, not <c>init_by_array</c>, so its numbers differ from Python's.
/// </summary>
public sealed class PythonRandom
{
    private const int N = 624;
    private const int M = 397;
    private readonly uint[] _mt = new uint[N];
    private int _index;

    /// <summary>As <c>random.Random(seed)</c> for an integer seed.</summary>
    public PythonRandom(long seed)
    {
        var a = seed == long.MinValue ? 1UL << 63 : (ulong)Math.Abs(seed);
        uint[] key = a >> 32 == 0 ? [(uint)a] : [(uint)a, (uint)(a >> 32)];
        InitByArray(key);
    }

    /// <summary>As <c>getrandbits(k)</c> for 0 ≤ k ≤ 32.</summary>
    public uint GetRandBits(int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, 32);
        return k == 0 ? 0 : NextUInt32() >> (32 - k);
    }

    /// <summary>As <c>_randbelow(n)</c>: uniform in [0, n), n ≥ 1.</summary>
    public int RandBelow(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var bits = 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)n);
        var r = GetRandBits(bits);
        while (r >= (uint)n)
        {
            r = GetRandBits(bits);
        }

        return (int)r;
    }

    /// <summary>As <c>sample(population, k)</c>: k distinct elements in selection order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">k is negative or larger than the population (Python's ValueError).</exception>
    public T[] Sample<T>(IReadOnlyList<T> population, int k)
    {
        ArgumentNullException.ThrowIfNull(population);
        var n = population.Count;
        if (k < 0 || k > n)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"sample larger than population ({n}) or negative");
        }

        var result = new T[k];

        // CPython: a list copy is cheaper than a set below this size (21, plus 4^ceil(log4(3k)) when k > 5).
        var setSize = 21;
        if (k > 5)
        {
            setSize += (int)Math.Pow(4, Math.Ceiling(Math.Log(k * 3) / Math.Log(4)));
        }

        if (n <= setSize)
        {
            var pool = population.ToArray();
            for (var i = 0; i < k; i++)
            {
                var j = RandBelow(n - i);
                result[i] = pool[j];
                pool[j] = pool[n - i - 1];
            }
        }
        else
        {
            var selected = new HashSet<int>();
            for (var i = 0; i < k; i++)
            {
                var j = RandBelow(n);
                while (!selected.Add(j))
                {
                    j = RandBelow(n);
                }

                result[i] = population[j];
            }
        }

        return result;
    }

    private void InitGenrand(uint s)
    {
        _mt[0] = s;
        for (var i = 1; i < N; i++)
        {
            _mt[i] = unchecked((1812433253u * (_mt[i - 1] ^ (_mt[i - 1] >> 30))) + (uint)i);
        }

        _index = N;
    }

    private void InitByArray(uint[] key)
    {
        InitGenrand(19650218u);
        int i = 1, j = 0;
        for (var k = Math.Max(N, key.Length); k > 0; k--)
        {
            _mt[i] = unchecked((_mt[i] ^ ((_mt[i - 1] ^ (_mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint)j);
            i++;
            j++;
            if (i >= N)
            {
                _mt[0] = _mt[N - 1];
                i = 1;
            }

            if (j >= key.Length)
            {
                j = 0;
            }
        }

        for (var k = N - 1; k > 0; k--)
        {
            _mt[i] = unchecked((_mt[i] ^ ((_mt[i - 1] ^ (_mt[i - 1] >> 30)) * 1566083941u)) - (uint)i);
            i++;
            if (i >= N)
            {
                _mt[0] = _mt[N - 1];
                i = 1;
            }
        }

        _mt[0] = 0x80000000u;
        _index = N;
    }

    private uint NextUInt32()
    {
        if (_index >= N)
        {
            Twist();
        }

        var y = _mt[_index++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        y ^= y >> 18;
        return y;
    }

    private void Twist()
    {
        for (var kk = 0; kk < N; kk++)
        {
            var y = (_mt[kk] & 0x80000000u) | (_mt[(kk + 1) % N] & 0x7fffffffu);
            _mt[kk] = _mt[(kk + M) % N] ^ (y >> 1) ^ ((y & 1u) == 0 ? 0u : 0x9908b0dfu);
        }

        _index = 0;
    }
}
